/** `verity key ls`: the saved API keys, with what each has left to spend (never the keys themselves). */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, table } from '../format.js';
import { keyringPath, readKeyring } from '../keyring.js';

export function keyLsCommand(context: Context): Command {
  return new Command('ls')
    .summary('the saved API keys and what each has left')
    .description(
      'list the API keys saved by `key create` ($VERITY_HOME/keys.json), each with its deposit, usage and what is ' +
        'left as the router at --url sees them. The keys are not printed: names and labels (authorizer addresses) only.',
    )
    .addHelpText('after', examples([['verity key ls'], ['verity key ls --json']]))
    .action(async (_options: unknown, command: Command) => {
      const { out, client } = context.session(command);
      const saved = await readKeyring(keyringPath(context.io.env));
      const sdk = client();
      const rows = await Promise.all(
        saved.map(async (k) => {
          const state = await sdk.getApiKey(k.key).then(
            (s) => s,
            (error: unknown) => ({ error: (error as Error).message }),
          );
          return { name: k.name, label: k.label, channelId: k.channelId, url: k.url, created: k.created, state };
        }),
      );
      if (out.json) return out.result({ object: 'list', data: rows });
      if (rows.length === 0) return out.line('no saved keys: create one with `verity key create --deposit <VRT>`');
      out.line(
        table(
          ['name', 'label', 'deposit', 'used', 'left', 'created'],
          rows.map((r) =>
            'error' in r.state
              ? [r.name, r.label, '?', '?', '?', r.created]
              : [
                  r.name,
                  r.label,
                  formatVrt(BigInt(r.state.limit)),
                  formatVrt(BigInt(r.state.usage)),
                  formatVrt(BigInt(r.state.limit_remaining)),
                  r.created,
                ],
          ),
          out.style,
        ),
      );
    });
}
