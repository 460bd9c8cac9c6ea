/** `verity key revoke <name>`: the key's unspent deposit back to the payer at once; the key spends nothing more. */
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import type { Context } from '../context.js';
import { examples, fields } from '../format.js';
import { findKey, keyringPath, readKeyring, writeKeyring } from '../keyring.js';
import { UsageError } from '../output.js';

export function keyRevokeCommand(context: Context): Command {
  return new Command('revoke')
    .summary('revoke an API key: its unspent deposit goes back to the payer')
    .description(
      'revoke a saved API key (by name or label): the router at --url refunds what its channel holds beyond what was ' +
        'charged to the payer at once (the cooperative refund, signed with the key), so the key can spend nothing ' +
        'more, and the key is removed from $VERITY_HOME/keys.json. No VERITY_KEY is needed: holding the key is enough, ' +
        'and the money only ever goes back to the payer.',
    )
    .argument('<name>', 'the key, by name or label')
    .addHelpText('after', examples([['verity key revoke laptop'], ['verity key revoke 0x1234…abcd --json']]))
    .action(async (ref: string, _options: unknown, command: Command) => {
      const { out, client } = context.session(command);
      const path = keyringPath(context.io.env);
      const saved = await readKeyring(path);
      const found = findKey(saved, ref);
      if (!found) throw new UsageError(`no saved key "${ref}" in ${path}`);
      const revoked = await client().revokeApiKey(found.key);
      await writeKeyring(
        path,
        saved.filter((k) => k !== found),
      );
      if (out.json) return out.result({ name: found.name, label: found.label, ...revoked });
      out.line(`${out.style.green('revoked')} ${found.name}: ${formatVrt(BigInt(revoked.refunded))} returned to ${found.payer}`);
      if (revoked.transaction) out.line(fields([['tx', revoked.transaction]]));
    });
}
