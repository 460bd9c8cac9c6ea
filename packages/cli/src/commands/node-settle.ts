/** `verity node settle`: pay the fee split's share owed to $VERITY_KEY's address into its wallet. */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';
import { addressOption } from '../address-option.js';

export function nodeSettleCommand(context: Context): Command {
  return new Command('settle')
    .summary('withdraw what the fee split owes you into your wallet')
    .description(
      'transfer everything the FeeSplitter owes the address of $VERITY_KEY (its executor share, royalty, or pool ' +
        'share, as credited by claims) to that address. Nothing is sent when nothing is owed.',
    )
    .option('--fee-splitter <0x..>', "withdraw from this FeeSplitter (a node's own, for its direct clients' fees)")
    .addHelpText(
      'after',
      examples([['verity node settle'], ['verity node settle --fee-splitter 0x8464135c8F25Da09e49BC8782676a84730C318bC --json']]),
    )
    .action(async (options: { feeSplitter?: string }, command: Command) => {
      const { out, chainClient } = context.session(command);
      const feeSplitter = addressOption('--fee-splitter', options.feeSplitter);
      const { client } = await chainClient({ key: 'required', why: 'node settle' });
      const settled = await client.withdrawFees(feeSplitter ? { feeSplitter } : {});
      if (out.json) return out.result(settled);
      out.line(
        fields([
          ['payee', settled.payee],
          ['paid', formatVrt(settled.amount)],
          ['transaction', settled.txHash ?? '(none: nothing was owed)'],
        ]),
      );
    });
}
