/** `verity node claim`: claim this operator's executor share of the fee split, each charge against its own receipt. */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';

export function nodeClaimCommand(context: Context): Command {
  return new Command('claim')
    .summary("claim your executor share of the fee split, proven by your node's settled receipts")
    .description(
      "list the charges the router (--url) posted for the operator of $VERITY_KEY, fetch each request's receipt " +
        "and its settlement from the operator's node, and claim them from the FeeSplitter: the contract pays a " +
        "charge only against the executor's own receipt, settled on chain, and splits it between the executor, the " +
        "model's publisher, the verifier pool and the treasury. The router also claims on its executors' behalf; " +
        'charges already paid are skipped. Then `verity node settle` pays what is owed into the wallet.',
    )
    .addHelpText('after', examples([['verity node claim'], ['verity node claim --json']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client } = await chainClient({ key: 'required', why: 'node claim' });
      const claimed = await client.claimFees();
      if (out.json) return out.result(claimed);
      out.line(
        fields([
          ['executor', claimed.executor],
          ['claimed', `${claimed.claimed} charges, ${formatVrt(claimed.amount)}`],
          ['already paid', String(claimed.alreadyPaid)],
          ['waiting', `${claimed.waiting} (not posted yet, or the receipt's epoch not on chain yet)`],
          ...claimed.transactions.map((hash): [string, string] => ['transaction', hash]),
        ]),
      );
    });
}
