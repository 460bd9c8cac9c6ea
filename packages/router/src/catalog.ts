/**
 * Resolves a model reference ("name@version", "name" for the latest, or "0x<sha256>") to a model some node serves.
 * With a chain, names mean what ModelRegistry says: the catalog is named from the chain's records (see
 * NodeSet.catalog), and "name" alone is the publisher's latest usable version on chain, which must be served.
 */
import { type ModelEntry, VerityError, parseModelRef } from '@verity/protocol';
import type { ChainNodeSource } from './chain-source.js';

export async function resolveModel(catalog: readonly ModelEntry[], ref: string, chain?: ChainNodeSource): Promise<ModelEntry> {
  const parsed = parseModelRef(ref);
  let found: ModelEntry | undefined;
  if (parsed.kind === 'id') found = catalog.find((e) => e.modelId === parsed.modelId);
  else if (parsed.version !== undefined) found = catalog.find((e) => e.name === parsed.name && e.version === parsed.version);
  else {
    // On a dead RPC, the newest version served (the catalog's names are the chain's already).
    const latest = chain ? await chain.latestVersion(parsed.name) : undefined;
    if (latest === null) {
      throw new VerityError('UNKNOWN_MODEL', `no model "${ref}" is published on chain`, { details: { model: ref } });
    }
    found =
      latest !== undefined
        ? catalog.find((e) => e.modelId === latest)
        : catalog.filter((e) => e.name === parsed.name).sort((a, b) => b.created - a.created)[0];
    if (!found && latest) {
      throw new VerityError(
        'UNKNOWN_MODEL',
        `the latest version of "${ref}" on chain (${latest}) is not served by any node yet`,
        {
          details: { model: ref, modelId: latest },
        },
      );
    }
  }
  if (!found) {
    throw new VerityError('UNKNOWN_MODEL', `no node serves model "${ref}"`, { details: { model: ref } });
  }
  return found;
}
