/** `verity wallet refund`: asks the router for a cooperative refund of the payment channel (signed with VERITY_KEY). */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';

export function walletRefundCommand(context: Context): Command {
  return new Command('refund')
    .summary('ask the router to refund the unspent VRT of the payment channel at once')
    .description(
      "ask the router at --url for a cooperative refund of the unspent VRT in this key's payment channel (x402 " +
        'batch-settlement refund: the router claims what it charged and signs the refund of the rest, no delay); ' +
        'the next paid request deposits again. Routers that do not grant refunds answer with an error; ' +
        `\`verity wallet withdraw\` always works, after the withdraw delay. ${keyNote}`,
    )
    .addHelpText('after', examples([['verity wallet refund']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, paymentClient } = context.session(command);
      const { client } = await paymentClient({ why: 'wallet refund' });
      const result = await client.refund();
      if (out.json) return out.result(result);
      out.line(`${out.style.green('refunded')} ${formatVrt(result.amount)}`);
      out.line(
        fields([
          ['channel', result.channelId],
          ['tx', result.txHash],
        ]),
      );
    });
}
