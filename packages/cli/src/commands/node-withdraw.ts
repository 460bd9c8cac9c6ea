/** `verity node withdraw`: takes the stake back after the unstake delay (signed with VERITY_KEY). */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';

export function nodeWithdrawCommand(context: Context): Command {
  return new Command('withdraw')
    .summary('take the stake back after the unstake delay (signs with $VERITY_KEY)')
    .description(`take the stake back once the unstake delay has passed (deregisters the node). ${keyNote}`)
    .addHelpText('after', examples([['verity node withdraw'], ['verity node withdraw --json']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client } = await chainClient({ key: 'required', why: 'node withdraw' });
      const result = await client.withdrawStake();
      if (out.json) return out.result(result);
      out.line(`${out.style.green('withdrew')} ${formatVrt(result.amountWei)} to ${result.operator}`);
      out.line(fields([['tx', result.txHash]]));
    });
}
