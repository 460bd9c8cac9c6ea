/** `verity node ls`: the node operators registered on chain, with endpoint, state, stake, price and models. */
import type { NodeRecord } from '@verity/chain';
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, formatPrice, formatTime, shortAddress, table } from '../format.js';

/** Why a node is or is not routed to. */
export function nodeState(node: NodeRecord): 'active' | 'unstaking' | 'withdrawn' | 'inactive' {
  if (node.active) return 'active';
  if (!node.registered) return 'withdrawn';
  if (node.unstaking) return 'unstaking';
  // Under-staked (after a slash) or a heartbeat older than the liveness window.
  return 'inactive';
}

export function nodeLsCommand(context: Context): Command {
  return new Command('ls')
    .alias('list')
    .description('list the node operators registered on chain: endpoint, state, stake, price, models')
    .addHelpText(
      'after',
      examples([
        ['verity node ls --deployment .verity/devnet/deployment.json'],
        ['verity node ls --json', 'every field; amounts in wei as decimal strings'],
      ]),
    )
    .action(async (_options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const { client } = await chainClient({ key: 'none', why: 'node ls' });
      const nodes = await client.listNodes();
      if (out.json) return out.result(nodes.map((node) => ({ ...node, state: nodeState(node) })));
      if (nodes.length === 0) return out.line('no nodes registered');
      out.line(
        table(
          ['OPERATOR', 'ENDPOINT', 'STATE', 'STAKE', 'PRICE (WEI)', 'MODELS', 'LAST HEARTBEAT'],
          nodes.map((node) => [
            shortAddress(node.operator),
            node.endpoint || '-',
            nodeState(node),
            formatVrt(node.stake),
            formatPrice(node),
            String(node.modelIds.length),
            formatTime(node.lastHeartbeat),
          ]),
          out.style,
        ),
      );
    });
}
