/** `verity health`: does the node or router at --url answer? */
import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';

export function healthCommand(context: Context): Command {
  return new Command('health')
    .description('check that the node or router at --url answers')
    .addHelpText(
      'after',
      examples([['verity health'], ['verity health --url http://127.0.0.1:7071', 'a node directly'], ['verity health --json']]),
    )
    .action(async (_options: unknown, command: Command) => {
      const { out, client } = context.session(command);
      const verity = client();
      const health = await verity.health();
      if (out.json) return out.result(health);
      out.line(`${out.style.green('ok')} ${verity.url}`);
      const scalars = Object.entries(health).filter(
        (entry): entry is [string, string | number | boolean] =>
          entry[0] !== 'ok' && ['string', 'number', 'boolean'].includes(typeof entry[1]),
      );
      if (scalars.length > 0) out.line(fields(scalars.map(([k, v]) => [k, String(v)])));
    });
}
