/** `verity model earnings`: what a model's answers were paid in the fee split, and its publisher's royalty. */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';

export function modelEarningsCommand(context: Context): Command {
  return new Command('earnings')
    .summary("VRT paid for a model's answers, and its publisher's royalty")
    .description(
      "show what the FeeSplitter has allocated for a model's answers (gross, from the claimed and distributed " +
        "fees) and the part credited to the model's publisher as royalty. The model is name@version, a name (the " +
        'latest usable version) or its 0x model id, resolved on the ModelRegistry of --deployment.',
    )
    .argument('<model>', 'name@version, name, or 0x model id')
    .addHelpText('after', examples([['verity model earnings iris@1'], ['verity model earnings iris --json']]))
    .action(async (model: string, _options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client } = await chainClient({ key: 'none', why: 'model earnings' });
      const earnings = await client.getModelEarnings({ model });
      if (out.json) return out.result(earnings);
      out.line(
        fields([
          ['model', `${earnings.name}@${earnings.version}`],
          ['model id', earnings.modelId],
          ['gross', formatVrt(earnings.gross)],
          ['royalty', `${formatVrt(earnings.royalty)} (${earnings.royaltyBps / 100}% to ${earnings.publisher})`],
        ]),
      );
    });
}
