/** `verity wallet withdraw [--finalize]`: the timed withdrawal of this key's payment channel (signed with VERITY_KEY). */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';

export function walletWithdrawCommand(context: Context): Command {
  return new Command('withdraw')
    .summary('withdraw the unclaimed VRT of the payment channel: start, then --finalize after the delay')
    .description(
      "start the timed withdrawal of the VRT in this key's payment channel that the router has not claimed; the router " +
        'may still claim what it charged until the withdraw delay has passed. Then `--finalize` pays the rest back. ' +
        keyNote,
    )
    .option('--finalize', 'complete a withdrawal whose delay has passed')
    .addHelpText('after', examples([['verity wallet withdraw'], ['verity wallet withdraw --finalize --json']]))
    .action(async (options: { finalize?: boolean }, command: Command) => {
      const { out, paymentClient } = context.session(command);
      const { client } = await paymentClient({ why: 'wallet withdraw' });
      const result = await client.withdraw({ finalize: options.finalize === true });
      if (out.json) return out.result(result);
      if (result.status === 'finalized') {
        out.line(`${out.style.green('withdrew')} ${formatVrt(result.amount)}`);
      } else {
        const after = new Date((result.finalizeAfter ?? 0) * 1000).toISOString();
        out.line(`${out.style.green('withdrawal started')} for ${formatVrt(result.amount)}; finalize after ${after}`);
      }
      out.line(
        fields([
          ['channel', result.channelId],
          ['tx', result.txHash],
        ]),
      );
    });
}
