/** `verity wallet balance`: this key's payment channel with the router, as on chain, and its token balance. */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';

export function walletBalanceCommand(context: Context): Command {
  return new Command('balance')
    .summary("this key's payment channel with the router, and its VRT")
    .description(
      "show this key's x402 batch-settlement channel with the router at --url as the chain holds it (deposited, " +
        'claimed by the router, a pending withdrawal) and the VRT the key holds. What the router charged but has not ' +
        'claimed yet is not on chain, so it is not shown; it is claimed within seconds. Reads $VERITY_KEY for the address.',
    )
    .addHelpText('after', examples([['verity wallet balance'], ['verity wallet balance --json']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, paymentClient } = context.session(command);
      const { client } = await paymentClient({ why: 'wallet balance' });
      const balance = await client.balance();
      if (out.json) return out.result(balance);
      const withdrawal = balance.withdrawal
        ? `${formatVrt(balance.withdrawal.amount)}, can be finalized after ${new Date(balance.withdrawal.finalizeAfter * 1000).toISOString()}`
        : 'none';
      out.line(
        fields([
          ['payer', balance.payer],
          ['receiver', balance.receiver],
          ['channel', balance.channelId],
          ['balance', formatVrt(balance.balance)],
          ['claimed', formatVrt(balance.totalClaimed)],
          ['unclaimed', formatVrt(balance.unclaimed)],
          ['withdrawal', withdrawal],
          ['wallet', formatVrt(balance.tokenBalance)],
        ]),
      );
    });
}
