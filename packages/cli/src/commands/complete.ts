/**
 * `verity complete [prompt...]`: continue a prompt with a language model (OpenAI completions), printing the text
 * as it is generated and whether its receipts verify. The prompt comes from the arguments, or stdin.
 */
import { Command } from 'commander';
import { type Context, paymentNote } from '../context.js';
import { examples } from '../format.js';
import { type TextOptions, runText, textArgument, textParameters, withTextOptions } from '../text.js';

export function completeCommand(context: Context): Command {
  const command = new Command('complete')
    .description('continue a prompt with a language model (OpenAI completions) and check the receipts offline')
    .argument('[prompt...]', 'the prompt; read from stdin when absent (and stdin is not a terminal)');
  return withTextOptions(command)
    .addHelpText(
      'after',
      `${examples([
        ['verity complete "Once upon a time" --model tiny-llama --max-tokens 32'],
        ['verity complete "The capital of France is" --model tiny-llama@1 --no-stream'],
        ['verity complete --model tiny-llama --json < prompt.txt > answer.json', 'the prompt from stdin, the answer as JSON'],
      ])}\nmax-tokens defaults to 16, as in OpenAI's completions. The text goes to stdout, the verification line to\nstderr; a stream that breaks, or receipts that do not verify, exit 1.\n${paymentNote}\n`,
    )
    .action(async (words: string[], options: TextOptions, command: Command) => {
      const parameters = textParameters(options);
      const prompt = await textArgument(context, words, 'prompt');
      await runText(context, command, { kind: 'completion', parameters: { ...parameters, prompt } }, options);
    });
}
