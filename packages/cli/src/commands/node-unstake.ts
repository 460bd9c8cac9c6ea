/** `verity node unstake`: requests to unstake; the node leaves routing at once (signed with VERITY_KEY). */
import { Command } from 'commander';
import { type Context, keyNote } from '../context.js';
import { examples, fields, formatTime } from '../format.js';

export function nodeUnstakeCommand(context: Context): Command {
  return new Command('unstake')
    .summary('leave routing now, withdraw the stake later (signs with $VERITY_KEY)')
    .description(`request to unstake: the node leaves routing at once; withdraw after the unstake delay. ${keyNote}`)
    .addHelpText('after', examples([['verity node unstake'], ['verity node unstake --json']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client } = await chainClient({ key: 'required', why: 'node unstake' });
      const result = await client.requestUnstake();
      if (out.json) return out.result(result);
      out.line(`${out.style.green('unstake requested')} for ${result.operator}: the node is no longer active`);
      out.line(
        fields([
          ['withdraw from', `${formatTime(result.availableAt)} (verity node withdraw)`],
          ['tx', result.txHash],
        ]),
      );
    });
}
