/** `verity node settle`: pay the fee split's share owed to $VERITY_KEY's address into its wallet. */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';

export function nodeSettleCommand(context: Context): Command {
  return new Command('settle')
    .summary('withdraw what the fee split owes you into your wallet')
    .description(
      'transfer everything the FeeSplitter owes the address of $VERITY_KEY (its executor share, royalty, or pool ' +
        'share, as credited by claims) to that address. Nothing is sent when nothing is owed.',
    )
    .addHelpText('after', examples([['verity node settle'], ['verity node settle --json']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client } = await chainClient({ key: 'required', why: 'node settle' });
      const settled = await client.withdrawFees();
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
