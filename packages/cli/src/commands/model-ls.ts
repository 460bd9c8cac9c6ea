/** `verity model ls`: the models the node or router serves. */
import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples, formatBytes, shortHex, table } from '../format.js';

export function modelLsCommand(context: Context): Command {
  return new Command('ls')
    .alias('list')
    .description('list the models served at --url')
    .addHelpText('after', examples([['verity model ls'], ['verity model ls --json', 'the raw /v1/models list']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, client } = context.session(command);
      const list = await client().listModels();
      if (out.json) return out.result(list);
      if (list.data.length === 0) return out.line('no models');
      const withNodes = list.data.some((m) => m.nodes !== undefined);
      const header = ['ID', 'MODEL ID', 'FORMAT', 'SIZE', ...(withNodes ? ['NODES'] : [])];
      const rows = list.data.map((m) => [
        m.id,
        shortHex(m.modelId),
        m.format,
        formatBytes(m.size),
        ...(withNodes ? [String(m.nodes?.length ?? 0)] : []),
      ]);
      out.line(table(header, rows, out.style));
    });
}
