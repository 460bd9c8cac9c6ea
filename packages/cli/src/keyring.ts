/**
 * The API keys this user created (`verity key create`), kept so that `key ls` and `key revoke` can name them:
 * `$VERITY_HOME/keys.json` (default `~/.verity/keys.json`), written with mode 0600 as it holds secrets. The keys
 * themselves are never printed by `ls`, only their names and labels (the authorizer address).
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const SavedKeySchema = z.object({
  name: z.string(),
  key: z.string(),
  /** The authorizer address: names the key without revealing it. */
  label: z.string(),
  channelId: z.string(),
  payer: z.string(),
  /** The router the key's channel pays. */
  url: z.string(),
  created: z.string(),
});
export type SavedKey = z.infer<typeof SavedKeySchema>;
const KeyringSchema = z.object({ keys: z.array(SavedKeySchema) });

export function keyringPath(env: NodeJS.ProcessEnv): string {
  return join(env.VERITY_HOME || join(homedir(), '.verity'), 'keys.json');
}

export async function readKeyring(path: string): Promise<SavedKey[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = KeyringSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not a Verity keyring`);
  return parsed.data.keys;
}

export async function writeKeyring(path: string, keys: readonly SavedKey[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.tmp`;
  await writeFile(temp, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}

/** The saved key named `ref`: by name, label, or the key itself. */
export function findKey(keys: readonly SavedKey[], ref: string): SavedKey | undefined {
  const lower = ref.toLowerCase();
  return keys.find((k) => k.name === ref || k.label.toLowerCase() === lower || k.key === ref);
}
