/**
 * The rule a network with a chain holds every model registration to: a model file is served under a name only as
 * ModelRegistry publishes it (the name's owner decides what name@version means), so no one can relabel another
 * publisher's model, nor get a node or a router to take a model that no one published.
 */
import { VerityError } from '@verity/protocol';
import type { Hex } from 'viem';
import type { ModelRecords } from './model-records.js';
import type { ModelRecord } from './types.js';

export interface Registration {
  name: string;
  version: string;
  format: string;
  blob: Hex;
}

const howToPublish =
  "publish it on chain first (`verity model push <file> --name <name> --version <version>` with VERITY_KEY set, or the SDK's pushModel with a chain key)";

/**
 * The model's record when `registration` states it as published and usable; MODEL_NOT_PUBLISHED (422) otherwise,
 * CHAIN_UNAVAILABLE when the registry cannot be read.
 */
export async function requirePublished(records: ModelRecords, registration: Registration): Promise<ModelRecord> {
  const modelId = registration.blob.toLowerCase() as Hex;
  const asked = `${registration.name}@${registration.version}`;
  let record: ModelRecord | null;
  try {
    // A fresh read: whether it is deprecated may have changed since a record was kept.
    record = await records.recordOf(modelId, { fresh: true });
  } catch (cause) {
    throw new VerityError('CHAIN_UNAVAILABLE', 'the model registry cannot be read now; retry', { cause, details: { modelId } });
  }
  if (!record) {
    throw new VerityError('MODEL_NOT_PUBLISHED', `model ${modelId} is not published on chain: ${howToPublish}`, {
      details: { modelId, model: asked },
    });
  }
  if (record.deprecated) {
    throw new VerityError('MODEL_NOT_PUBLISHED', `${record.name}@${record.version} (${modelId}) is deprecated on chain`, {
      details: { modelId, model: asked, deprecated: true },
    });
  }
  if (record.name !== registration.name || record.version !== registration.version || record.format !== registration.format) {
    throw new VerityError(
      'MODEL_NOT_PUBLISHED',
      `model ${modelId} is published on chain as ${record.name}@${record.version} (${record.format}), not as ${asked} (${registration.format})`,
      {
        details: {
          modelId,
          model: asked,
          published: { name: record.name, version: record.version, format: record.format, publisher: record.publisher },
        },
      },
    );
  }
  return record;
}
