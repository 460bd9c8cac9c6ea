/**
 * Builds tiny GGUF models of the llama architecture that llama.cpp (and so node-llama-cpp) loads, so tests and the
 * demo never download a model: a byte-level SentencePiece-style vocabulary, seeded random weights, every metadata
 * key llama.cpp requires, and tensors named and shaped as llama.cpp's llama loader expects.
 *
 * The vocabulary follows Llama 2's layout: 0 `<unk>`, 1 `<s>` (BOS), 2 `</s>` (EOS), then the 256 byte tokens
 * `<0x00>`…`<0xFF>`, then `▁` (U+2581, SentencePiece's space). With no other pieces, llama.cpp's SPM tokenizer spells
 * every text with byte fallback, one token per UTF-8 byte; `▁` is there so a space is one token and decodes back to
 * a space (llama.cpp turns spaces into `▁` before tokenizing, and a `▁` spelled in bytes would decode as `▁`).
 */
import { seededRandom } from '../onnx-builder.js';
import { type GgmlTypeName, type GgufTensor, type GgufValue, gguf, writeGguf } from './writer.js';

export interface TinyLlamaOptions {
  name: string;
  seed: number;
  contextLength: number;
  embeddingLength: number;
  blockCount: number;
  feedForwardLength: number;
  headCount: number;
  /** Fewer than headCount gives grouped-query attention; must divide headCount. */
  headCountKv: number;
  rmsNormEpsilon: number;
  ropeFreqBase: number;
  /** Type of the 2-D weight matrices; norms are always F32, as llama.cpp expects. */
  weightType: GgmlTypeName;
}

export const defaultTinyLlamaOptions: TinyLlamaOptions = {
  name: 'tiny-llama',
  seed: 1,
  contextLength: 256,
  embeddingLength: 64,
  blockCount: 2,
  feedForwardLength: 192,
  headCount: 4,
  headCountKv: 4,
  rmsNormEpsilon: 1e-5,
  ropeFreqBase: 10000,
  weightType: 'F32',
};

/** SentencePiece token types, as llama.cpp reads them from tokenizer.ggml.token_type. */
export const TokenType = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface ByteVocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
  unkId: number;
  bosId: number;
  eosId: number;
  /** Id of the byte token for byte b is byteOffset + b. */
  byteOffset: number;
  spaceId: number;
}

export function byteVocabulary(): ByteVocabulary {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [TokenType.unknown, TokenType.control, TokenType.control];
  const byteOffset = tokens.length;
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(TokenType.byte);
  }
  const spaceId = tokens.length;
  tokens.push('\u2581');
  types.push(TokenType.normal);
  // Scores only rank merges between pieces; with single-character pieces there are none to rank.
  const scores = tokens.map(() => 0);
  return { tokens, scores, types, unkId: 0, bosId: 1, eosId: 2, byteOffset, spaceId };
}

/** The llama metadata llama.cpp needs for a model of this shape and vocabulary. */
export function tinyLlamaMetadata(opts: TinyLlamaOptions, vocab: ByteVocabulary): Record<string, GgufValue> {
  const headDim = opts.embeddingLength / opts.headCount;
  return {
    'general.architecture': gguf.str('llama'),
    'general.name': gguf.str(opts.name),
    // LLAMA_FTYPE_ALL_F32 = 0, MOSTLY_F16 = 1: informational only.
    'general.file_type': gguf.u32(opts.weightType === 'F32' ? 0 : 1),
    'llama.vocab_size': gguf.u32(vocab.tokens.length),
    'llama.context_length': gguf.u32(opts.contextLength),
    'llama.embedding_length': gguf.u32(opts.embeddingLength),
    'llama.block_count': gguf.u32(opts.blockCount),
    'llama.feed_forward_length': gguf.u32(opts.feedForwardLength),
    'llama.attention.head_count': gguf.u32(opts.headCount),
    'llama.attention.head_count_kv': gguf.u32(opts.headCountKv),
    'llama.rope.dimension_count': gguf.u32(headDim),
    'llama.rope.freq_base': gguf.f32(opts.ropeFreqBase),
    'llama.attention.layer_norm_rms_epsilon': gguf.f32(opts.rmsNormEpsilon),
    'tokenizer.ggml.model': gguf.str('llama'),
    'tokenizer.ggml.tokens': gguf.strings(vocab.tokens),
    'tokenizer.ggml.scores': gguf.f32s(vocab.scores),
    'tokenizer.ggml.token_type': gguf.i32s(vocab.types),
    'tokenizer.ggml.unknown_token_id': gguf.u32(vocab.unkId),
    'tokenizer.ggml.bos_token_id': gguf.u32(vocab.bosId),
    'tokenizer.ggml.eos_token_id': gguf.u32(vocab.eosId),
    'tokenizer.ggml.add_bos_token': gguf.bool(true),
    'tokenizer.ggml.add_eos_token': gguf.bool(false),
    // Byte-level: keep the text exactly as given, with no space put in front.
    'tokenizer.ggml.add_space_prefix': gguf.bool(false),
  };
}

/** Weights of a llama model, each row-major with dims in ggml order (see GgufTensor.dims). */
export type LlamaWeights = GgufTensor[];

function checkShape(opts: TinyLlamaOptions): void {
  const { embeddingLength: n, headCount: h, headCountKv: hkv } = opts;
  if (n % h !== 0) throw new Error(`embeddingLength ${n} is not a multiple of headCount ${h}`);
  if (h % hkv !== 0) throw new Error(`headCount ${h} is not a multiple of headCountKv ${hkv}`);
  if ((n / h) % 2 !== 0) throw new Error(`head dimension ${n / h} must be even for rotary embeddings`);
}

/**
 * Seeded random weights: uniform, scaled by 1/sqrt(fan-in) so activations stay near unit size through the blocks,
 * RMS-norm gains of 1. Everything is drawn in a fixed order, so one seed always gives the same bytes.
 */
export function randomLlamaWeights(opts: TinyLlamaOptions, vocabSize: number): LlamaWeights {
  checkShape(opts);
  const random = seededRandom(opts.seed);
  const n = opts.embeddingLength;
  const nKv = (n / opts.headCount) * opts.headCountKv;
  const ff = opts.feedForwardLength;
  const type = opts.weightType;
  const matrix = (name: string, nIn: number, nOut: number, scale = 1 / Math.sqrt(nIn)): GgufTensor => ({
    name,
    dims: [nIn, nOut],
    type,
    data: new Float32Array(nIn * nOut).map(() => (random() * 2 - 1) * scale),
  });
  const norm = (name: string): GgufTensor => ({ name, dims: [n], type: 'F32', data: new Float32Array(n).fill(1) });

  const tensors: GgufTensor[] = [matrix('token_embd.weight', n, vocabSize, 1)];
  for (let i = 0; i < opts.blockCount; i++) {
    const blk = `blk.${i}`;
    tensors.push(
      norm(`${blk}.attn_norm.weight`),
      matrix(`${blk}.attn_q.weight`, n, n),
      matrix(`${blk}.attn_k.weight`, n, nKv),
      matrix(`${blk}.attn_v.weight`, n, nKv),
      matrix(`${blk}.attn_output.weight`, n, n),
      norm(`${blk}.ffn_norm.weight`),
      matrix(`${blk}.ffn_gate.weight`, n, ff),
      matrix(`${blk}.ffn_up.weight`, n, ff),
      matrix(`${blk}.ffn_down.weight`, ff, n),
    );
  }
  // A larger output scale spreads the logits, so greedy decoding does not just repeat one token.
  tensors.push(norm('output_norm.weight'), matrix('output.weight', n, vocabSize, 4 / Math.sqrt(n)));
  return tensors;
}

/** A complete tiny llama GGUF file; the same options always give byte-identical output. */
export function buildTinyLlama(options: Partial<TinyLlamaOptions> = {}): Uint8Array {
  const opts: TinyLlamaOptions = { ...defaultTinyLlamaOptions, ...options };
  const vocab = byteVocabulary();
  return writeGguf({
    metadata: tinyLlamaMetadata(opts, vocab),
    tensors: randomLlamaWeights(opts, vocab.tokens.length),
    alignment: 32,
  });
}
