/** `verity key create --deposit <VRT>`: an API key on a prepaid channel, for OpenAI-compatible clients. */
import { Command } from 'commander';
import { formatVrt, parseVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';
import { findKey, keyringPath, readKeyring, writeKeyring } from '../keyring.js';
import { UsageError } from '../output.js';

interface KeyCreateOptions {
  deposit: string;
  name?: string;
  topUp?: string;
  save: boolean;
}

export function keyCreateCommand(context: Context): Command {
  return new Command('create')
    .summary('an API key on a prepaid channel, for OpenAI-compatible clients (signs with $VERITY_KEY)')
    .description(
      'open a new x402 batch-settlement channel with the router at --url whose payerAuthorizer is a fresh key, deposit ' +
        'into it, and print that key: any OpenAI-compatible client sends it as `Authorization: Bearer <key>`, and the ' +
        'router signs the vouchers with it, never beyond the deposit. The key is printed once and saved (mode 0600) in ' +
        `$VERITY_HOME/keys.json (default ~/.verity/keys.json) for \`key ls\` and \`key revoke\`. ${keyNote}`,
    )
    .requiredOption('--deposit <VRT>', 'VRT to deposit: all the key can spend until topped up')
    .option('--name <name>', 'a name for the key (default: key-<n>)')
    .option('--top-up <name>', 'deposit into a saved key (by name or label) instead of creating one')
    .option('--no-save', 'print the key only; do not save it')
    .addHelpText(
      'after',
      examples([
        ['verity key create --deposit 1 --name laptop'],
        ['verity key create --deposit 0.5 --top-up laptop', 'add to an existing key'],
        ['verity key create --deposit 1 --json', 'the key, its channel and balance as JSON'],
      ]),
    )
    .action(async (options: KeyCreateOptions, command: Command) => {
      const { out, paymentClient, globals } = context.session(command);
      const amount = parseVrt(options.deposit, '--deposit');
      const path = keyringPath(context.io.env);
      const saved = await readKeyring(path);
      const existing = options.topUp === undefined ? undefined : findKey(saved, options.topUp);
      if (options.topUp !== undefined && !existing) throw new UsageError(`--top-up: no saved key "${options.topUp}" in ${path}`);
      const name = existing?.name ?? options.name ?? `key-${saved.length + 1}`;
      if (!existing && saved.some((k) => k.name === name)) throw new UsageError(`--name: a key named "${name}" exists`);
      const { client } = await paymentClient({ why: 'key create' });
      const created = await client.createApiKey({ deposit: amount, ...(existing ? { key: existing.key } : {}) });
      if (options.save && !existing) {
        saved.push({
          name,
          key: created.key,
          label: created.label,
          channelId: created.channelId,
          payer: created.payer,
          url: globals.url,
          created: new Date().toISOString(),
        });
        await writeKeyring(path, saved);
      }
      const result = { name, ...created, balance: created.balance.toString() };
      if (out.json) return out.result(result);
      out.line(`${out.style.green(existing ? 'topped up' : 'created')} ${name}: ${formatVrt(created.balance)} to spend`);
      out.line(
        fields([
          ['key', created.key],
          ['label', created.label],
          ['channel', created.channelId],
          ['tx', created.txHash],
        ]),
      );
      if (!existing) {
        out.line('');
        out.line(
          `use it: new OpenAI({ baseURL: '${globals.url}/v1', apiKey: '<key>' }), or curl -H 'authorization: Bearer <key>'`,
        );
      }
    });
}
