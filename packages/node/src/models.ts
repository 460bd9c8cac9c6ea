/**
 * The model registry: which name@version maps to which blob, the engines those blobs are loaded into, and the
 * loading of untrusted files (size limit, a child-process probe before the in-process load).
 */
import { open, readFile } from 'node:fs/promises';
import { type Hex, type ModelEntry, type RegisterModelRequest, VerityError, parseModelRef } from '@verity/protocol';
import {
  type Engine,
  type LlmEngine,
  type LoadedLlm,
  type LoadedModel,
  probeGgufFile,
  probeOnnxFile,
  withoutPath,
} from '@verity/runtime';
import { BlobHolds } from './blob-collector.js';
import type { BlobStore } from './blob-store.js';
import type { ModelRow, NodeDb } from './db.js';
import { describeError, logEvent } from './log.js';
import { type NodeOptions, defaultNodeOptions } from './options.js';
import { fetchBlobFromPeers } from './peer-fetch.js';
import type { PeerSources } from './peer-sources.js';
import { type RelayConfig, createRelayLlm, relayModelId } from './relay.js';

type ModelFormat = ModelRow['format'];

/** A model loaded by its engine: an ONNX model (tensors in, tensors out), a GGUF LLM, or a relayed LLM. */
export type Loaded = { kind: 'onnx'; model: LoadedModel } | { kind: 'gguf' | 'relay'; llm: LoadedLlm };

/** The caps on registrations (NodeOptions.maxModels and maxNamesPerModel). */
export type RegistrationLimits = Pick<NodeOptions, 'maxModels' | 'maxNamesPerModel'>;

/** A registered model version the node can run. */
export interface ServedModel {
  entry: ModelEntry;
  loaded: Loaded;
}

const noSignature = { inputs: [], outputs: [] };

function entryOf(row: ModelRow, loaded: Loaded): ModelEntry {
  return {
    id: `${row.name}@${row.version}`,
    object: 'model',
    created: row.created,
    owned_by: 'verity',
    modelId: row.modelId,
    name: row.name,
    version: row.version,
    format: row.format,
    size: row.size,
    engine: loaded.kind === 'onnx' ? loaded.model.engine : loaded.llm.engine,
    signature: loaded.kind === 'onnx' ? loaded.model.signature : noSignature,
    ...(loaded.kind === 'gguf' ? { context_length: loaded.llm.contextSize } : {}),
  };
}

export class ModelRegistry {
  /** By "name@version", in registration order (Map keeps insertion order). */
  private readonly byVersion = new Map<string, ServedModel>();
  /** By name: the most recently registered version. */
  private readonly latest = new Map<string, ServedModel>();
  private readonly byId = new Map<Hex, ServedModel>();
  /** One engine session per blob, shared by every name@version that points at it. */
  private readonly sessions = new Map<Hex, Promise<Loaded>>();
  private readonly fetches = new Map<Hex, Promise<unknown>>();
  /** Blobs of registrations under way: no model row references them until the registration has loaded them. */
  private readonly registering = new BlobHolds();

  /** name@version registrations under way, with their blob: counted against the caps until they are served. */
  private readonly pending = new Map<string, Hex>();

  private readonly llmEngine: LlmEngine | undefined;
  private readonly admit: ((request: RegisterModelRequest) => Promise<unknown>) | undefined;
  private readonly limits: RegistrationLimits;

  constructor(
    private readonly db: NodeDb,
    private readonly blobs: BlobStore,
    private readonly engine: Engine,
    /** The peers a missing blob may be fetched from (see peer-sources.ts). */
    private readonly peers: PeerSources,
    modules: {
      llmEngine?: LlmEngine;
      /** With a chain: refuses a registration that ModelRegistry does not publish as stated (see requirePublished). */
      admit?: (request: RegisterModelRequest) => Promise<unknown>;
      /** Caps on registrations; NodeOptions' defaults otherwise. */
      limits?: Partial<RegistrationLimits>;
    } = {},
  ) {
    this.llmEngine = modules.llmEngine;
    this.admit = modules.admit;
    this.limits = {
      maxModels: modules.limits?.maxModels ?? defaultNodeOptions.maxModels,
      maxNamesPerModel: modules.limits?.maxNamesPerModel ?? defaultNodeOptions.maxNamesPerModel,
    };
  }

  get size(): number {
    return this.byVersion.size;
  }

  list(): ModelEntry[] {
    return [...this.byVersion.values()].map((served) => served.entry);
  }

  /** Resolves "name@version", "name" (latest) or "0x<sha256>", or throws UNKNOWN_MODEL. */
  resolve(ref: string): ServedModel {
    const parsed = parseModelRef(ref);
    const served =
      parsed.kind === 'id'
        ? this.byId.get(parsed.modelId)
        : parsed.version === undefined
          ? this.latest.get(parsed.name)
          : this.byVersion.get(`${parsed.name}@${parsed.version}`);
    if (!served) throw new VerityError('UNKNOWN_MODEL', `no model "${ref}" on this node`, { details: { model: ref } });
    return served;
  }

  /** Serves a relayed model as `<name>@relay` (see relay.ts); not recorded, it comes from the node's options. */
  addRelay(config: RelayConfig): ModelEntry {
    const llm = createRelayLlm(config);
    const modelId = relayModelId(config.upstreamModel);
    const entry: ModelEntry = {
      id: `${config.name}@relay`,
      object: 'model',
      created: Math.floor(Date.now() / 1000),
      owned_by: 'relay',
      modelId,
      name: config.name,
      version: 'relay',
      format: 'relay',
      size: 0,
      engine: llm.engine,
      signature: noSignature,
    };
    const served: ServedModel = { entry, loaded: { kind: 'relay', llm } };
    this.byVersion.set(entry.id, served);
    this.latest.set(entry.name, served);
    this.byId.set(modelId, served);
    return entry;
  }

  /** Loads every model version recorded in SQLite; one that fails is logged and skipped. */
  async reload(): Promise<void> {
    for (const row of this.db.models()) {
      try {
        // The file passed the probe when it was registered; checking its hash proves it is still those bytes.
        await this.blobs.verify(row.modelId);
        this.serve(row, await this.load(row.modelId, row.format, false));
      } catch (error) {
        logEvent('model-skipped', { model: `${row.name}@${row.version}`, modelId: row.modelId, reason: describeError(error) });
      }
    }
  }

  /** Registers name@version → blob, fetching the blob from `sources` when missing; idempotent for the same blob. */
  async register(request: RegisterModelRequest): Promise<ModelEntry> {
    const release = this.registering.hold(request.blob);
    try {
      return await this.registerHeld(request);
    } finally {
      release();
    }
  }

  /** Whether a registration of this blob is under way (the blob collector keeps it). */
  isRegistering(sha256: Hex): boolean {
    return this.registering.has(sha256);
  }

  private async registerHeld(request: RegisterModelRequest): Promise<ModelEntry> {
    const { name, version } = request;
    const modelId = request.blob.toLowerCase() as Hex;
    if (request.format === 'gguf' && !this.llmEngine) {
      throw new VerityError('INVALID_MODEL', 'this node has no GGUF engine', { details: { format: 'gguf' } });
    }
    await this.admit?.(request);
    const key = `${name}@${version}`;
    const existing = this.db.model(name, version);
    if (existing && existing.modelId !== modelId) throw versionExists(key, existing.modelId, modelId);
    const served = this.byVersion.get(key);
    if (served) return served.entry;

    // Counted from here (before any fetch or load), so concurrent registrations cannot overshoot the caps together.
    this.checkLimits(key, modelId);
    this.pending.set(key, modelId);
    try {
      return await this.registerNew(request, key, modelId, existing);
    } finally {
      this.pending.delete(key);
    }
  }

  /**
   * Refuses a new name@version beyond `maxModels` served (relays not counted), or beyond `maxNamesPerModel` for one
   * blob: registrations are free to send without a chain, and each one would stay in memory and in /v1/models.
   */
  private checkLimits(key: string, modelId: Hex): void {
    const names = new Set<string>();
    const namesOfBlob = new Set<string>();
    const count = (name: string, blob: Hex) => {
      if (name === key) return;
      names.add(name);
      if (blob === modelId) namesOfBlob.add(name);
    };
    for (const [name, served] of this.byVersion) if (served.loaded.kind !== 'relay') count(name, served.entry.modelId);
    for (const [name, blob] of this.pending) count(name, blob);
    if (names.size >= this.limits.maxModels) {
      throw new VerityError(
        'TOO_MANY_MODELS',
        `this node serves ${names.size} model versions, its limit (maxModels); ${key} is not registered`,
        { details: { model: key, limit: this.limits.maxModels, registered: names.size } },
      );
    }
    if (namesOfBlob.size >= this.limits.maxNamesPerModel) {
      throw new VerityError(
        'TOO_MANY_MODELS',
        `blob ${modelId} is already registered under ${namesOfBlob.size} names, its limit (maxNamesPerModel); ${key} is not registered`,
        { details: { model: key, modelId, limit: this.limits.maxNamesPerModel, registered: namesOfBlob.size } },
      );
    }
  }

  private async registerNew(
    request: RegisterModelRequest,
    key: string,
    modelId: Hex,
    existing: ModelRow | null,
  ): Promise<ModelEntry> {
    const { name, version } = request;
    const size = await this.ensureBlob(modelId, request.sources ?? []);
    const loaded = await this.load(modelId, request.format, true);
    const row = this.db.insertModel(
      existing ?? {
        name,
        version,
        modelId,
        format: request.format,
        size,
        description: request.description ?? null,
        license: request.license ?? null,
        created: Math.floor(Date.now() / 1000),
      },
    );
    // Another registration of name@version may have committed while this one fetched and loaded.
    if (row.modelId !== modelId) throw versionExists(key, row.modelId, modelId);
    return (this.byVersion.get(key) ?? this.serve(row, loaded)).entry;
  }

  async close(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    this.byVersion.clear();
    this.latest.clear();
    this.byId.clear();
    await Promise.allSettled(
      sessions.map(async (session) => {
        const loaded = await session;
        await (loaded.kind === 'onnx' ? loaded.model.dispose() : loaded.llm.dispose());
      }),
    );
  }

  private serve(row: ModelRow, loaded: Loaded): ServedModel {
    const served: ServedModel = { entry: entryOf(row, loaded), loaded };
    this.byVersion.set(served.entry.id, served);
    this.latest.set(row.name, served);
    this.byId.set(row.modelId, served);
    return served;
  }

  /** Makes sure the blob is local, fetching it from peers when needed; returns its size. */
  private async ensureBlob(modelId: Hex, sources: readonly string[]): Promise<number> {
    const size = await this.blobs.sizeOf(modelId);
    if (size !== null) return size;
    if (sources.length === 0) {
      throw new VerityError(
        'BLOB_NOT_FOUND',
        `no blob ${modelId} on this node; upload it with PUT /v1/blobs or name sources to fetch it from`,
        {
          details: { sha256: modelId },
        },
      );
    }
    // Concurrent registrations of one missing blob share a single download.
    let fetch = this.fetches.get(modelId);
    if (!fetch) {
      fetch = fetchBlobFromPeers(this.blobs, this.peers, modelId, sources).finally(() => this.fetches.delete(modelId));
      this.fetches.set(modelId, fetch);
    }
    await fetch;
    return (await this.blobs.sizeOf(modelId)) ?? 0;
  }

  private async load(modelId: Hex, format: ModelFormat, probe: boolean): Promise<Loaded> {
    let session = this.sessions.get(modelId);
    if (!session) {
      session = this.loadFile(modelId, format, probe);
      this.sessions.set(modelId, session);
      // A failed load is forgotten, so a later registration may try again (after a fresh upload, say).
      session.catch(() => this.sessions.delete(modelId));
    }
    const loaded = await session;
    // One blob registered under both formats is refused for the second one.
    if (loaded.kind !== format) {
      throw new VerityError('INVALID_MODEL', `blob ${modelId} is loaded as ${loaded.kind}, not ${format}`, {
        details: { modelId, format, loadedAs: loaded.kind },
      });
    }
    return loaded;
  }

  private async loadFile(modelId: Hex, format: ModelFormat, probe: boolean): Promise<Loaded> {
    const size = await this.blobs.sizeOf(modelId);
    if (size === null)
      throw new VerityError('BLOB_NOT_FOUND', `no blob ${modelId} on this node`, { details: { sha256: modelId } });
    if (size > this.blobs.maxBlobBytes) {
      throw new VerityError('MODEL_TOO_LARGE', `model is ${size} bytes (limit ${this.blobs.maxBlobBytes})`, {
        details: { size, limit: this.blobs.maxBlobBytes },
      });
    }
    const path = this.blobs.pathOf(modelId);
    if (format === 'gguf') {
      if (!this.llmEngine) throw new VerityError('INVALID_MODEL', 'this node has no GGUF engine', { details: { format } });
      await checkGgufMagic(path);
      // llama.cpp aborts the whole process on some malformed files: a throwaway child process loads it first.
      if (probe) await probeGgufFile(path);
      // llama.cpp reads the blob file in place; its parser checks every header field and tensor bound itself.
      try {
        return { kind: 'gguf', llm: await this.llmEngine.load({ path }) };
      } catch (error) {
        // The message may name the blob's path on this node's disk, which is no client's business.
        if (error instanceof VerityError) {
          throw new VerityError(error.code, withoutPath(error.message, path), { details: error.details, cause: error });
        }
        throw new VerityError('INVALID_MODEL', withoutPath(String((error as Error).message ?? error), path), { cause: error });
      }
    }
    // A hostile file may crash or hang the native parser: let it do so in a throwaway child process first.
    if (probe) await probeOnnxFile(path);
    return { kind: 'onnx', model: await this.engine.load(await readFile(path)) };
  }
}

const ggufMagic = 'GGUF';

/** Refuses a file that does not start with the GGUF magic bytes before llama.cpp sees it. */
async function checkGgufMagic(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    if (bytesRead < 4 || head.toString('latin1') !== ggufMagic) {
      throw new VerityError('INVALID_MODEL', 'not a GGUF file (no "GGUF" magic bytes)', {
        details: { format: 'gguf', magic: head.subarray(0, bytesRead).toString('hex') },
      });
    }
  } finally {
    await file.close();
  }
}

function versionExists(key: string, stored: Hex, requested: Hex): VerityError {
  return new VerityError(
    'VERSION_EXISTS',
    `${key} is already registered with blob ${stored}; versions are immutable, register a new version`,
    {
      details: { model: key, modelId: stored, requested },
    },
  );
}
