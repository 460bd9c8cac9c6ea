/** `verity wallet deposit <VRT>`: adds VRT to this key's payment channel with the router (signed with VERITY_KEY). */
import { Command } from 'commander';
import { formatVrt, parseVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';

export function walletDepositCommand(context: Context): Command {
  return new Command('deposit')
    .summary("add VRT to this key's payment channel with the router (signs with $VERITY_KEY)")
    .description(
      `add VRT to this key's x402 batch-settlement channel with the router at --url, ahead of paid requests (which ` +
        `otherwise deposit on the first one). ${keyNote}`,
    )
    .argument('<VRT>', 'VRT to deposit, e.g. 1 or 0.05')
    .addHelpText('after', examples([['verity wallet deposit 1'], ['verity wallet deposit 0.05 --json']]))
    .action(async (amount: string, _options: unknown, command: Command) => {
      const { out, paymentClient } = context.session(command);
      const amountWei = parseVrt(amount, 'the amount');
      const { client } = await paymentClient({ why: 'wallet deposit' });
      const result = await client.deposit({ amount: amountWei });
      if (out.json) return out.result(result);
      out.line(`${out.style.green('deposited')} ${formatVrt(amountWei)} (channel balance ${formatVrt(result.balance)})`);
      out.line(
        fields([
          ['channel', result.channelId],
          ['tx', result.txHash],
        ]),
      );
    });
}
