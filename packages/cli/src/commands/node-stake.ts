/** `verity node stake <VRT>`: adds to this operator's stake (signed with VERITY_KEY). */
import { Command } from 'commander';
import { formatVrt, parseVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';

export function nodeStakeCommand(context: Context): Command {
  return new Command('stake')
    .summary("add VRT to this operator's stake (signs with $VERITY_KEY)")
    .description(`add VRT to this operator's stake. ${keyNote}`)
    .argument('<VRT>', 'VRT to add, e.g. 50')
    .addHelpText('after', examples([['verity node stake 50'], ['verity node stake 0.5 --json']]))
    .action(async (amount: string, _options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const amountWei = parseVrt(amount, 'the amount');
      const { client } = await chainClient({ key: 'required', why: 'node stake' });
      const result = await client.addStake(amountWei);
      const node = (await client.listNodes()).find((n) => n.operator.toLowerCase() === result.operator.toLowerCase());
      if (out.json) return out.result({ ...result, amountWei, stakeWei: node?.stake ?? null });
      out.line(`${out.style.green('staked')} ${formatVrt(amountWei)} more${node ? ` (stake now ${formatVrt(node.stake)})` : ''}`);
      out.line(fields([['tx', result.txHash]]));
    });
}
