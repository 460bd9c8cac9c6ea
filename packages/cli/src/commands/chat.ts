/**
 * `verity chat [message...]`: ask a language model, see the answer as it is generated, and whether its receipts
 * verify (against this request, this model and exactly this text). The message comes from the arguments, or stdin.
 */
import type { ChatMessageParameter } from '@verity/sdk';
import { Command } from 'commander';
import { type Context, paymentNote } from '../context.js';
import { examples } from '../format.js';
import { type TextOptions, runText, textArgument, textParameters, withTextOptions } from '../text.js';

interface ChatOptions extends TextOptions {
  system?: string;
}

export function chatCommand(context: Context): Command {
  const command = new Command('chat')
    .description('ask a language model (OpenAI chat) and check the receipts of its answer offline')
    .argument('[message...]', 'the message; read from stdin when absent (and stdin is not a terminal)');
  return withTextOptions(command, [['--system <text>', 'a system message before yours']])
    .addHelpText(
      'after',
      `${examples([
        ['verity chat "What is Verity?" --model tiny-llama'],
        ['verity chat "Name three colors" --model tiny-llama@1 --system "You are terse." --max-tokens 32'],
        ['verity chat "Hello" --model tiny-llama --policy replicate:3', 'three operators must sign the same text'],
        ['echo "Summarize this" | verity chat --model tiny-llama --no-stream', 'the message from stdin, the answer at once'],
        ['verity chat "Hello" --model tiny-llama --json > answer.json', 'the whole answer (receipts under "verity")'],
      ])}\nThe answer goes to stdout, the verification line to stderr. A stream that breaks, or receipts that do not\nverify, exit 1: text printed before that is not a verified answer.\n${paymentNote}\n`,
    )
    .action(async (words: string[], options: ChatOptions, command: Command) => {
      const parameters = textParameters(options);
      const content = await textArgument(context, words, 'message');
      const messages: ChatMessageParameter[] = [
        ...(options.system === undefined ? [] : [{ role: 'system' as const, content: options.system }]),
        { role: 'user', content },
      ];
      await runText(context, command, { kind: 'chat', parameters: { ...parameters, messages } }, options);
    });
}
