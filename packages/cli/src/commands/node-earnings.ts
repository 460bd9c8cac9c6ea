/** `verity node earnings`: what the settlement contract claimed and paid out for a receiver (a router operator). */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';
import { UsageError } from '../output.js';

const addressPattern = /^0x[0-9a-fA-F]{40}$/;

export function nodeEarningsCommand(context: Context): Command {
  return new Command('earnings')
    .summary('VRT earned: your share of the fee split, and what was claimed for a receiver')
    .description(
      "show an address's share of the fee split (a node operator's executor share, a publisher's royalty, the " +
        "verifier pool's or the treasury's), earned and still to withdraw from the FeeSplitter, and what the x402 " +
        'batch-settlement contract has claimed from payers for it as a channel receiver. The address is --address, ' +
        'or the address of $VERITY_KEY.',
    )
    .option('--address <0x..>', 'the receiver (default: the address of $VERITY_KEY)')
    .addHelpText(
      'after',
      examples([['verity node earnings --address 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'], ['verity node earnings --json']]),
    )
    .action(async (options: { address?: string }, command: Command) => {
      const { out, chainClient } = context.session(command);
      if (options.address !== undefined && !addressPattern.test(options.address)) {
        throw new UsageError(`--address must be 0x and 40 hex digits, got "${options.address}"`);
      }
      const { client } = await chainClient({ key: options.address === undefined ? 'required' : 'none', why: 'node earnings' });
      const receiver = (options.address ?? client.chain?.account) as `0x${string}`;
      const earnings = await client.getEarnings({ receiver });
      if (out.json) return out.result(earnings);
      out.line(
        fields([
          ['receiver', earnings.receiver],
          ['claimed', formatVrt(earnings.claimed)],
          ['settled', formatVrt(earnings.settled)],
          ['unsettled', formatVrt(earnings.unsettled)],
          ['wallet', formatVrt(earnings.tokenBalance)],
          ...(earnings.split
            ? ([
                ['earned', `${formatVrt(earnings.split.earned)} (fee split)`],
                ['withdrawable', formatVrt(earnings.split.owed)],
              ] as [string, string][])
            : []),
        ]),
      );
    });
}
