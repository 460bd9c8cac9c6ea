/**
 * The model registry: which name@version maps to which blob, the engines those blobs are loaded into, and the
 * loading of untrusted files (size limit, a child-process probe before the in-process load).
 */
import { readFile } from 'node:fs/promises';
import { type Hex, type ModelEntry, type RegisterModelRequest, VerityError, parseModelRef } from '@verity/protocol';
import { type Engine, type LoadedModel, probeOnnxFile } from '@verity/runtime';
import type { BlobStore } from './blob-store.js';
import type { ModelRow, NodeDb } from './db.js';
import { describeError, logEvent } from './log.js';
import { fetchBlobFromPeers } from './peer-fetch.js';

/** A registered model version the node can run. */
export interface ServedModel {
  entry: ModelEntry;
  loaded: LoadedModel;
}

function entryOf(row: ModelRow, loaded: LoadedModel): ModelEntry {
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
    engine: loaded.engine,
    signature: loaded.signature,
  };
}

export class ModelRegistry {
  /** By "name@version", in registration order (Map keeps insertion order). */
  private readonly byVersion = new Map<string, ServedModel>();
  /** By name: the most recently registered version. */
  private readonly latest = new Map<string, ServedModel>();
  private readonly byId = new Map<Hex, ServedModel>();
  /** One engine session per blob, shared by every name@version that points at it. */
  private readonly sessions = new Map<Hex, Promise<LoadedModel>>();
  private readonly fetches = new Map<Hex, Promise<unknown>>();

  constructor(
    private readonly db: NodeDb,
    private readonly blobs: BlobStore,
    private readonly engine: Engine,
  ) {}

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

  /** Loads every model version recorded in SQLite; one that fails is logged and skipped. */
  async reload(): Promise<void> {
    for (const row of this.db.models()) {
      try {
        // The file passed the probe when it was registered; checking its hash proves it is still those bytes.
        await this.blobs.verify(row.modelId);
        this.serve(row, await this.load(row.modelId, false));
      } catch (error) {
        logEvent('model-skipped', { model: `${row.name}@${row.version}`, modelId: row.modelId, reason: describeError(error) });
      }
    }
  }

  /** Registers name@version → blob, fetching the blob from `sources` when missing; idempotent for the same blob. */
  async register(request: RegisterModelRequest): Promise<ModelEntry> {
    const { name, version } = request;
    const modelId = request.blob.toLowerCase() as Hex;
    if (request.format === 'gguf') {
      throw new VerityError('INVALID_MODEL', 'GGUF is not supported yet', { details: { format: 'gguf' } });
    }
    const key = `${name}@${version}`;
    const existing = this.db.model(name, version);
    if (existing && existing.modelId !== modelId) throw versionExists(key, existing.modelId, modelId);
    const served = this.byVersion.get(key);
    if (served) return served.entry;

    const size = await this.ensureBlob(modelId, request.sources ?? []);
    const loaded = await this.load(modelId, true);
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
    await Promise.allSettled(sessions.map(async (session) => (await session).dispose()));
  }

  private serve(row: ModelRow, loaded: LoadedModel): ServedModel {
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
      fetch = fetchBlobFromPeers(this.blobs, modelId, sources).finally(() => this.fetches.delete(modelId));
      this.fetches.set(modelId, fetch);
    }
    await fetch;
    return (await this.blobs.sizeOf(modelId)) ?? 0;
  }

  private load(modelId: Hex, probe: boolean): Promise<LoadedModel> {
    let session = this.sessions.get(modelId);
    if (!session) {
      session = this.loadFile(modelId, probe);
      this.sessions.set(modelId, session);
      // A failed load is forgotten, so a later registration may try again (after a fresh upload, say).
      session.catch(() => this.sessions.delete(modelId));
    }
    return session;
  }

  private async loadFile(modelId: Hex, probe: boolean): Promise<LoadedModel> {
    const size = await this.blobs.sizeOf(modelId);
    if (size === null)
      throw new VerityError('BLOB_NOT_FOUND', `no blob ${modelId} on this node`, { details: { sha256: modelId } });
    if (size > this.blobs.maxBlobBytes) {
      throw new VerityError('MODEL_TOO_LARGE', `model is ${size} bytes (limit ${this.blobs.maxBlobBytes})`, {
        details: { size, limit: this.blobs.maxBlobBytes },
      });
    }
    const path = this.blobs.pathOf(modelId);
    // A hostile file may crash or hang the native parser: let it do so in a throwaway child process first.
    if (probe) await probeOnnxFile(path);
    return this.engine.load(await readFile(path));
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
