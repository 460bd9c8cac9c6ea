/** `verity node earnings`: what the settlement contract claimed and paid out for a receiver (a router operator). */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';
import { addressOption } from '../address-option.js';

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
    .option('--fee-splitter <0x..>', "read the split of this FeeSplitter (a node's own, for its direct clients' fees)")
    .addHelpText(
      'after',
      examples([['verity node earnings --address 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'], ['verity node earnings --json']]),
    )
    .action(async (options: { address?: string; feeSplitter?: string }, command: Command) => {
      const { out, chainClient } = context.session(command);
      const address = addressOption('--address', options.address);
      const { client } = await chainClient({ key: address === undefined ? 'required' : 'none', why: 'node earnings' });
      const receiver = (address ?? client.chain?.account) as `0x${string}`;
      const feeSplitter = addressOption('--fee-splitter', options.feeSplitter);
      const earnings = await client.getEarnings({ receiver, ...(feeSplitter ? { feeSplitter } : {}) });
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
