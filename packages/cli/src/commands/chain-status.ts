/** `verity chain status`: the network as the chain holds it (contracts, parameters, operators, active nodes, models). */
import { Command } from 'commander';
import { formatVrt, shownRpcUrl } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields, formatPrice, shortAddress, shortHex, table } from '../format.js';

export function chainStatusCommand(context: Context): Command {
  return new Command('status')
    .description('show the chain: id, block, contract addresses, operators, active nodes, published models')
    .addHelpText(
      'after',
      examples([
        ['verity chain status --deployment .verity/devnet/deployment.json'],
        [
          'VERITY_DEPLOYMENT=deployment.json verity chain status --rpc-url http://10.0.0.5:8545',
          'another RPC for the same chain',
        ],
        ['verity chain status --json', 'amounts in wei, as decimal strings'],
      ]),
    )
    .action(async (_options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client, chain } = await chainClient({ key: 'none', why: 'chain status' });
      const status = await client.getChainStatus();
      if (out.json) return out.result({ rpcUrl: shownRpcUrl(chain.rpcUrl), ...status });
      out.line(
        fields(
          [
            [
              'chain',
              `${status.chainId} at block ${status.blockNumber} (${new Date(status.blockTimestamp * 1000).toISOString()})`,
            ],
            ['rpc', shownRpcUrl(chain.rpcUrl)],
            ['token', status.contracts.token],
            ['model registry', status.contracts.modelRegistry],
            ['node registry', status.contracts.nodeRegistry],
            ['receipt registry', status.contracts.receiptRegistry],
            ...(status.contracts.exampleConsumer
              ? ([['example consumer', status.contracts.exampleConsumer]] as [string, string][])
              : []),
            ['nodes', `${status.activeNodes} active of ${status.operatorCount} registered`],
            ['min stake', formatVrt(status.minStakeWei)],
            ['liveness window', `${status.livenessWindowSeconds} s`],
            ['unstake delay', `${status.unstakeDelaySeconds} s`],
            ['models', String(status.modelCount)],
          ],
          '',
        ),
      );
      if (status.models.length > 0) {
        out.line();
        out.line(
          table(
            ['MODEL', 'MODEL ID', 'FORMAT', 'PRICE (WEI)', 'ROYALTY', 'PUBLISHER', 'STATE'],
            status.models.map((m) => [
              `${m.name}@${m.version}`,
              shortHex(m.modelId),
              m.format,
              formatPrice(m),
              `${m.royaltyBps / 100}%`,
              shortAddress(m.publisher),
              m.deprecated ? 'deprecated' : 'usable',
            ]),
            out.style,
          ),
        );
      }
    });
}
