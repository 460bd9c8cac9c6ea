/** Resolves a model reference ("name@version", "name" for the latest, or "0x<sha256>") against the node set. */
import { type Hex, type ModelEntry, VerityError, parseModelRef } from '@verity/protocol';

export function resolveModel(catalog: readonly ModelEntry[], ref: string): ModelEntry {
  const parsed = parseModelRef(ref);
  let found: ModelEntry | undefined;
  if (parsed.kind === 'id') found = catalog.find((e) => e.modelId === parsed.modelId);
  else if (parsed.version !== undefined) found = catalog.find((e) => e.name === parsed.name && e.version === parsed.version);
  else found = catalog.filter((e) => e.name === parsed.name).sort((a, b) => b.created - a.created)[0];
  if (!found) {
    throw new VerityError('UNKNOWN_MODEL', `no node serves model "${ref}"`, { details: { model: ref } });
  }
  return found;
}

export function modelIdOf(entry: ModelEntry): Hex {
  return entry.modelId;
}
