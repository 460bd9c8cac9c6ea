/**
 * Builds the demo chat model: a one-block llama GGUF whose weights are written in closed form, not trained, so that
 * greedy decoding in llama.cpp answers questions about Verity with readable sentences. It is a topic-conditioned
 * word trigram model compiled into a transformer:
 *
 * - Vocabulary: the byte vocabulary of tiny-llama.ts; one token per word of the answers, spelled with a plain space
 *   (` network`), which detokenizes as written but which the tokenizer never produces (llama.cpp turns spaces into
 *   `▁` before it tokenizes), so words the model writes are never read back as keywords; and the input tokens, every
 *   prefix of every keyword (`▁r`, `▁re`, … `▁receipt`), so that llama.cpp's SentencePiece merges spell a keyword
 *   in the user's message as one token.
 * - Residual stream (exact, not learned): a large constant that pins every RMS norm, the current token's class as a
 *   ±1 binary code, the token's keyword tag, the previous token's code, the topic, and one logit slot per answer word.
 * - Attention head 0 looks at the previous position only: a constant query and key whose rotary angles peak at a
 *   distance of one, and it copies that token's code. Head 1 reads the topic: keyword tokens score high on a rotary
 *   pair too slow to turn (content only) plus a faster one that favors recent keywords; BOS is the fallback.
 * - The feed-forward layer holds one SwiGLU unit per (previous word, current word) seen in the answers, writing
 *   log-counts of what followed; one per current word (the bigram back-off); and, where answers of different
 *   topics continue the same two words differently, units gated by the topic that add the topic's continuation.
 *
 * The build checks that greedy decoding of that logit table gives every topic's answer word for word, and throws
 * otherwise (an answer that repeats a word pair would loop). The same options always give the same bytes.
 */
import { type ChatTopic, verityChatTopics } from './chat-corpus.js';
import { byteVocabulary, TokenType } from './tiny-llama.js';
import { type GgmlTypeName, type GgufTensor, type GgufValue, gguf, writeGguf } from './writer.js';

export interface ChatModelOptions {
  name: string;
  topics: readonly ChatTopic[];
  contextLength: number;
  /** Logit of a word seen after the same two words, plus the log of its share among what followed them. */
  trigramLogit: number;
  /** Logit of a word seen after the same word, plus the log of its share (the back-off when the pair is new). */
  bigramLogit: number;
  /** How far the topic's own continuation leads the next best, where topics continue a pair differently. */
  topicMargin: number;
  /** Type of the 2-D weight matrices; norms and biases are always F32. */
  weightType: GgmlTypeName;
}

export const defaultChatModelOptions: ChatModelOptions = {
  name: 'verity-chat',
  topics: verityChatTopics,
  contextLength: 512,
  trigramLogit: 16,
  bigramLogit: 12,
  topicMargin: 5,
  weightType: 'F16',
};

/**
 * Keyword weights in the topic head, times TOPIC_SCALE: a keyword outweighs a broad keyword unless that comes ~45
 * tokens later, a stem ~70 tokens later, and a word of the fallback topic always. BOS (the sink) outweighs every
 * other token; it loses to a keyword anywhere in the context, and to the weaker kinds within ~190 tokens.
 */
const KEYWORD_WEIGHT = 1;
const BROAD_WEIGHT = 0.9;
const STEM_WEIGHT = 0.85;
const FALLBACK_WEIGHT = 0.5;
const SINK_WEIGHT = 0.1;
const STEM_MIN_LETTERS = 5;

const HEAD_DIM = 32;
const ROPE_FREQ_BASE = 1e6;
/** The constant in every residual vector: large enough that each RMS norm divides by (almost exactly) it. */
const RESIDUAL_CONSTANT = 512;
/** SwiGLU gate pre-activation of a unit whose words match: silu(15) ≈ 15, silu(-15) ≈ -5e-6. */
const GATE = 15;
/** Logit of tokens the model never writes (bytes outside the answers, keyword prefixes, BOS, UNK). */
const NEVER_LOGIT = -30;
/** Logit of answer words before the n-gram units add theirs: unseen continuations stay unlikely when sampling. */
const UNIT_LOGIT = -20;
/** Rotary pairs of the previous-token head and their weights; the score at distance 1 leads all others by ~1.03. */
const PREV_PAIRS = [2, 1, 1, 1, 1, 1];
const PREV_SCALE = 30;
/**
 * Rotary pairs of the topic head: content (it turns ~1e-3 rad over the context) and recency, whose query is a
 * quarter turn from its key so the score falls as -sin(distance·theta): 1.5 nats a token for recent keywords, still
 * 0.5 at a distance of 512. So of two keywords of the same kind, the later one wins.
 */
const TOPIC_PAIR = 15;
const RECENCY_PAIR = 7;
const TOPIC_SCALE = 700;
const RECENCY_SCALE = 633;

/** One unit of an answer: a word token (` word`, new to the vocabulary) or a byte token (punctuation). */
interface Unit {
  text: string;
  tokenId: number;
}

interface KeywordTag {
  topic: number;
  weight: number;
}

/** A SwiGLU unit: gated on the current (and previous) class, optionally scaled by a topic, writing logits. */
interface Neuron {
  cur: number;
  prev?: number;
  topic?: number;
  logits: Map<number, number>;
}

/** Splits an answer into units: words with their leading space, and single punctuation characters. */
export function answerUnits(answer: string): string[] {
  const units: string[] = [];
  for (const match of ` ${answer}`.matchAll(/ ?[A-Za-z0-9][A-Za-z0-9'-]*|[\s\S]/g)) {
    const piece = match[0];
    if (piece.startsWith(' ')) {
      if (piece.length === 1) throw new Error(`answer has a space before a non-word character: ${JSON.stringify(answer)}`);
      units.push(piece);
    } else if (piece.length === 1 && piece.charCodeAt(0) < 0x80) {
      units.push(piece);
    } else {
      throw new Error(`answer has a word glued to punctuation (${JSON.stringify(piece)}): ${JSON.stringify(answer)}`);
    }
  }
  return units;
}

function keywordForms(keyword: string): string[] {
  const forms = [keyword, capitalize(keyword)];
  if (keyword.length <= 4) forms.push(keyword.toUpperCase());
  return [...new Set(forms)];
}

function classCode(cls: number, bits: number): number[] {
  return Array.from({ length: bits }, (_, k) => ((cls >> k) & 1 ? 1 : -1));
}

const silu = (x: number) => x / (1 + Math.exp(-x));
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The vocabulary, n-gram tables and units of the model, before they become tensors. */
interface ChatModelPlan {
  tokens: string[];
  types: number[];
  units: Unit[];
  /** Class of a token: its unit index for answer units, else one of the classes after the units. */
  classOf: (tokenId: number) => number;
  classCount: number;
  bosClass: number;
  otherClass: number;
  tags: Map<number, KeywordTag>;
  neurons: Neuron[];
  /** Per topic, the unit indices of its answer followed by EOS (unit 0). */
  answers: number[][];
  startPrev: number;
  startCur: number;
}

function plan(opts: ChatModelOptions): ChatModelPlan {
  const base = byteVocabulary();
  const tokens = [...base.tokens];
  const types = [...base.types];
  const topicCount = opts.topics.length;
  if (topicCount === 0) throw new Error('the chat model needs at least one topic');

  // Units: EOS first, so a context the model knows nothing about ends the answer (greedy takes the first maximum).
  const units: Unit[] = [{ text: '</s>', tokenId: base.eosId }];
  const unitByText = new Map<string, number>();
  const unitOf = (text: string): number => {
    const known = unitByText.get(text);
    if (known !== undefined) return known;
    let tokenId: number;
    if (text.startsWith(' ')) {
      tokenId = tokens.length;
      tokens.push(text);
      types.push(TokenType.normal);
    } else {
      tokenId = base.byteOffset + text.charCodeAt(0);
    }
    units.push({ text, tokenId });
    unitByText.set(text, units.length - 1);
    return units.length - 1;
  };
  const answers = opts.topics.map((t) => [...answerUnits(t.answer).map(unitOf), 0]);

  // Input tokens: every prefix of every keyword form, after the answer words so that they win the text-to-id map.
  const fullTags = new Map<string, KeywordTag>();
  const prefixTopics = new Map<string, Set<number>>();
  const inputTexts: string[] = [];
  opts.topics.forEach((topic, t) => {
    const broad = new Set(topic.broadKeywords ?? []);
    for (const keyword of [...topic.keywords, ...broad]) {
      if (!/^[a-z0-9]+$/.test(keyword)) throw new Error(`keyword ${JSON.stringify(keyword)} is not lower-case letters`);
      for (const form of keywordForms(keyword)) {
        const full = `\u2581${form}`;
        const other = fullTags.get(full);
        if (other !== undefined && other.topic !== t) {
          throw new Error(`keyword ${JSON.stringify(form)} belongs to two topics (${other.topic} and ${t})`);
        }
        fullTags.set(full, { topic: t, weight: t === 0 ? FALLBACK_WEIGHT : broad.has(keyword) ? BROAD_WEIGHT : KEYWORD_WEIGHT });
        for (let n = 2; n <= full.length; n++) {
          const prefix = full.slice(0, n);
          if (!prefixTopics.has(prefix)) {
            prefixTopics.set(prefix, new Set());
            inputTexts.push(prefix);
          }
          prefixTopics.get(prefix)?.add(t);
        }
      }
    }
  });
  const tags = new Map<number, KeywordTag>();
  for (const text of inputTexts) {
    const id = tokens.length;
    tokens.push(text);
    types.push(TokenType.normal);
    const full = fullTags.get(text);
    const owners = prefixTopics.get(text) as Set<number>;
    if (full !== undefined) {
      tags.set(id, full);
    } else if (text.length - 1 >= STEM_MIN_LETTERS && owners.size === 1) {
      const t = [...owners][0] as number;
      tags.set(id, { topic: t, weight: t === 0 ? FALLBACK_WEIGHT : STEM_WEIGHT });
    }
  }

  // Classes: the units, then BOS, the two bytes that end the chat template (`t:` of `Assistant:`), then the rest.
  const tokenClass = new Map<number, number>();
  for (const [i, u] of units.entries()) tokenClass.set(u.tokenId, i);
  let classCount = units.length;
  const bosClass = classCount++;
  tokenClass.set(base.bosId, bosClass);
  const classOfByte = (ch: string): number => {
    const id = base.byteOffset + ch.charCodeAt(0);
    const known = tokenClass.get(id);
    if (known !== undefined) return known;
    tokenClass.set(id, classCount);
    return classCount++;
  };
  const startPrev = classOfByte('t');
  const startCur = classOfByte(':');
  const otherClass = classCount++;
  const classOf = (tokenId: number) => tokenClass.get(tokenId) ?? otherClass;

  // Counts: what follows each (previous, current) class pair and each current class, over all answers.
  const key = (prev: number, cur: number) => `${prev},${cur}`;
  const trigrams = new Map<string, { prev: number; cur: number; next: Map<number, number>; byTopic: Map<number, number> }>();
  const bigrams = new Map<number, Map<number, number>>();
  const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  answers.forEach((answer, t) => {
    const seq = [startPrev, startCur, ...answer];
    for (let i = 2; i < seq.length; i++) {
      const prev = seq[i - 2] as number;
      const cur = seq[i - 1] as number;
      const next = seq[i] as number;
      const k = key(prev, cur);
      let entry = trigrams.get(k);
      if (entry === undefined) {
        entry = { prev, cur, next: new Map(), byTopic: new Map() };
        trigrams.set(k, entry);
      }
      if (entry.byTopic.has(t)) {
        const words = [prev, cur]
          .map((c) => units[c]?.text ?? ' <start>')
          .join('')
          .trim();
        throw new Error(`topic ${opts.topics[t]?.name}: the answer repeats "${words}", so greedy decoding would loop`);
      }
      entry.byTopic.set(t, next);
      bump(entry.next, next);
      let b = bigrams.get(cur);
      if (b === undefined) {
        b = new Map();
        bigrams.set(cur, b);
      }
      bump(b, next);
    }
  });

  const logCounts = (counts: Map<number, number>, offset: number) => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    return new Map([...counts].map(([unit, n]) => [unit, offset + Math.log(n / total)]));
  };
  const neurons: Neuron[] = [];
  const bigramLogits = new Map([...bigrams].map(([cur, counts]) => [cur, logCounts(counts, opts.bigramLogit)]));
  for (const entry of trigrams.values()) {
    const logits = logCounts(entry.next, opts.trigramLogit);
    neurons.push({ cur: entry.cur, prev: entry.prev, logits });
    if (entry.next.size < 2) continue;
    const base = new Map([...logits].map(([u, l]) => [u, l + (bigramLogits.get(entry.cur)?.get(u) ?? 0)]));
    const best = Math.max(...base.values());
    for (const [t, next] of entry.byTopic) {
      const boost = best - (base.get(next) as number) + opts.topicMargin;
      neurons.push({ cur: entry.cur, prev: entry.prev, topic: t, logits: new Map([[next, boost]]) });
    }
  }
  for (const [cur, logits] of bigramLogits) neurons.push({ cur, logits });
  // A prompt that does not end in the chat template (or is only BOS) starts an answer too.
  const firsts = new Map<number, number>();
  for (const answer of answers) bump(firsts, answer[0] as number);
  const firstLogits = logCounts(firsts, opts.trigramLogit);
  const bestFirst = Math.max(...firstLogits.values());
  for (const cur of [bosClass, otherClass]) {
    neurons.push({ cur, logits: firstLogits });
    if (firsts.size < 2) continue;
    answers.forEach((answer, t) => {
      const first = answer[0] as number;
      const boost = bestFirst - (firstLogits.get(first) as number) + opts.topicMargin;
      neurons.push({ cur, topic: t, logits: new Map([[first, boost]]) });
    });
  }

  return {
    tokens,
    types,
    units,
    classOf,
    classCount,
    bosClass,
    otherClass,
    tags,
    neurons,
    answers,
    startPrev,
    startCur,
  };
}

/** The logits the feed-forward layer writes, per unit, as the exact rule the weights implement. */
function ruleLogits(p: ChatModelPlan, prev: number, cur: number, topic: readonly number[]): Float64Array {
  const logits = new Float64Array(p.units.length);
  for (const n of p.neurons) {
    if (n.cur !== cur || (n.prev !== undefined && n.prev !== prev)) continue;
    const scale = n.topic === undefined ? 1 : (topic[n.topic] ?? 0);
    for (const [unit, l] of n.logits) logits[unit] = (logits[unit] as number) + scale * l;
  }
  return logits;
}

function checkGreedyAnswers(p: ChatModelPlan, opts: ChatModelOptions): void {
  p.answers.forEach((answer, t) => {
    const topic = opts.topics.map((_, i) => (i === t ? 1 : 0));
    let [prev, cur] = [p.startPrev, p.startCur];
    const said: number[] = [];
    while (said.length < answer.length) {
      const logits = ruleLogits(p, prev, cur, topic);
      let best = 0;
      for (let u = 1; u < logits.length; u++) if ((logits[u] as number) > (logits[best] as number)) best = u;
      said.push(best);
      if (best === 0) break;
      [prev, cur] = [cur, best];
    }
    if (said.join() !== answer.join()) {
      const words = (us: number[]) => us.map((u) => p.units[u]?.text).join('');
      throw new Error(`topic ${opts.topics[t]?.name}: greedy decoding gives "${words(said)}", not "${words(answer)}"`);
    }
  });
}

/** Residual stream layout: offsets of each block. */
function layout(p: ChatModelPlan, topicCount: number) {
  const bits = Math.max(1, Math.ceil(Math.log2(p.classCount)));
  const code = 1;
  const keyword = code + bits;
  const keywordWeight = keyword + topicCount;
  const sink = keywordWeight + 1;
  const prev = sink + 1;
  const topic = prev + bits;
  const next = topic + topicCount;
  const width = Math.ceil((next + p.units.length) / 32) * 32;
  return { bits, constant: 0, code, keyword, keywordWeight, sink, prev, topic, next, width };
}

/** The GGUF bytes of the demo chat model; the same options always give byte-identical output. */
export function buildChatModel(options: Partial<ChatModelOptions> = {}): Uint8Array {
  const opts: ChatModelOptions = { ...defaultChatModelOptions, ...options };
  const p = plan(opts);
  checkGreedyAnswers(p, opts);
  const topicCount = opts.topics.length;
  const L = layout(p, topicCount);
  const n = L.width;
  const vocabSize = p.tokens.length;
  const qkv = 2 * HEAD_DIM;
  const ff = p.neurons.length;
  const B = RESIDUAL_CONSTANT;
  const type = opts.weightType;

  /** A weight applied as y = W·x: nOut rows of nIn values; set(out, in, value). */
  const matrix = (name: string, nIn: number, nOut: number) => {
    const data = new Float32Array(nIn * nOut);
    const tensor: GgufTensor = { name, dims: [nIn, nOut], type, data };
    const set = (o: number, i: number, v: number) => {
      data[o * nIn + i] = v;
    };
    return { tensor, set };
  };
  const vector = (name: string, values: Float32Array): GgufTensor => ({ name, dims: [values.length], type: 'F32', data: values });
  // Every norm divides by about B/sqrt(n) (the constant dominates), so a gain of B/sqrt(n) makes it the identity.
  const norm = (name: string) => vector(name, new Float32Array(n).fill(B / Math.sqrt(n)));

  const embd = matrix('token_embd.weight', n, vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    embd.set(id, L.constant, B);
    for (const [k, v] of classCode(p.classOf(id), L.bits).entries()) embd.set(id, L.code + k, v);
    const tag = p.tags.get(id);
    if (tag !== undefined) {
      embd.set(id, L.keyword + tag.topic, 1);
      embd.set(id, L.keywordWeight, tag.weight);
    }
  }
  embd.set(p.tokens.indexOf('<s>'), L.keyword, 1);
  embd.set(p.tokens.indexOf('<s>'), L.sink, 1);

  // Head 0 (dims 0..31): the previous token. Head 1 (dims 32..63): the topic.
  const theta = (pair: number) => ROPE_FREQ_BASE ** ((-2 * pair) / HEAD_DIM);
  const sqrtHead = Math.sqrt(HEAD_DIM); // undoes llama.cpp's 1/sqrt(head_dim) score scale
  const qBias = new Float32Array(qkv);
  const kBias = new Float32Array(qkv);
  PREV_PAIRS.forEach((weight, pair) => {
    qBias[2 * pair] = PREV_SCALE * weight * sqrtHead;
    // Key at angle theta: after rotary, query·key = cos((1 - distance)·theta), largest at distance 1.
    kBias[2 * pair] = Math.cos(theta(pair));
    kBias[2 * pair + 1] = Math.sin(theta(pair));
  });
  qBias[HEAD_DIM + 2 * TOPIC_PAIR] = TOPIC_SCALE * sqrtHead;
  qBias[HEAD_DIM + 2 * RECENCY_PAIR + 1] = RECENCY_SCALE * sqrtHead;
  const wq = matrix('blk.0.attn_q.weight', n, qkv);
  const wk = matrix('blk.0.attn_k.weight', n, qkv);
  wk.set(HEAD_DIM + 2 * TOPIC_PAIR, L.keywordWeight, 1);
  wk.set(HEAD_DIM + 2 * TOPIC_PAIR, L.sink, SINK_WEIGHT);
  wk.set(HEAD_DIM + 2 * RECENCY_PAIR, L.keywordWeight, 1);
  const wv = matrix('blk.0.attn_v.weight', n, qkv);
  const wo = matrix('blk.0.attn_output.weight', qkv, n);
  for (let k = 0; k < L.bits; k++) {
    wv.set(k, L.code + k, 1);
    wo.set(L.prev + k, k, 1);
  }
  for (let t = 0; t < topicCount; t++) {
    wv.set(HEAD_DIM + t, L.keyword + t, 1);
    wo.set(L.topic + t, HEAD_DIM + t, 1);
  }

  const gate = matrix('blk.0.ffn_gate.weight', n, ff);
  const up = matrix('blk.0.ffn_up.weight', n, ff);
  const down = matrix('blk.0.ffn_down.weight', ff, n);
  const gateBias = new Float32Array(ff);
  const upBias = new Float32Array(ff);
  const active = silu(GATE);
  p.neurons.forEach((neuron, j) => {
    // The code dot products reach 2·bits (or bits) only when every bit matches; one wrong bit costs 2.
    for (const [k, v] of classCode(neuron.cur, L.bits).entries()) gate.set(j, L.code + k, GATE * v);
    let matchAll = L.bits;
    if (neuron.prev !== undefined) {
      for (const [k, v] of classCode(neuron.prev, L.bits).entries()) gate.set(j, L.prev + k, GATE * v);
      matchAll += L.bits;
    }
    gateBias[j] = -GATE * (matchAll - 1);
    if (neuron.topic === undefined) upBias[j] = 1;
    else up.set(j, L.topic + neuron.topic, 1);
    for (const [unit, logit] of neuron.logits) down.set(L.next + unit, j, logit / active);
  });

  const output = matrix('output.weight', n, vocabSize);
  const unitOfToken = new Map(p.units.map((u, i) => [u.tokenId, i]));
  for (let id = 0; id < vocabSize; id++) {
    const unit = unitOfToken.get(id);
    if (unit === undefined) {
      output.set(id, L.constant, NEVER_LOGIT / B);
    } else {
      output.set(id, L.constant, UNIT_LOGIT / B);
      output.set(id, L.next + unit, 1);
    }
  }

  const tensors: GgufTensor[] = [
    embd.tensor,
    norm('blk.0.attn_norm.weight'),
    wq.tensor,
    vector('blk.0.attn_q.bias', qBias),
    wk.tensor,
    vector('blk.0.attn_k.bias', kBias),
    wv.tensor,
    wo.tensor,
    norm('blk.0.ffn_norm.weight'),
    gate.tensor,
    vector('blk.0.ffn_gate.bias', gateBias),
    up.tensor,
    vector('blk.0.ffn_up.bias', upBias),
    down.tensor,
    norm('output_norm.weight'),
    output.tensor,
  ];
  return writeGguf({ metadata: chatModelMetadata(opts, p, n, ff), tensors, alignment: 32 });
}

function chatModelMetadata(opts: ChatModelOptions, p: ChatModelPlan, n: number, ff: number): Record<string, GgufValue> {
  return {
    'general.architecture': gguf.str('llama'),
    'general.name': gguf.str(opts.name),
    'general.file_type': gguf.u32(opts.weightType === 'F32' ? 0 : 1),
    'llama.vocab_size': gguf.u32(p.tokens.length),
    'llama.context_length': gguf.u32(opts.contextLength),
    'llama.embedding_length': gguf.u32(n),
    'llama.block_count': gguf.u32(1),
    'llama.feed_forward_length': gguf.u32(ff),
    'llama.attention.head_count': gguf.u32(2),
    'llama.attention.head_count_kv': gguf.u32(2),
    'llama.attention.key_length': gguf.u32(HEAD_DIM),
    'llama.attention.value_length': gguf.u32(HEAD_DIM),
    'llama.rope.dimension_count': gguf.u32(HEAD_DIM),
    'llama.rope.freq_base': gguf.f32(ROPE_FREQ_BASE),
    'llama.attention.layer_norm_rms_epsilon': gguf.f32(1e-5),
    'tokenizer.ggml.model': gguf.str('llama'),
    'tokenizer.ggml.tokens': gguf.strings(p.tokens),
    'tokenizer.ggml.scores': gguf.f32s(p.tokens.map(() => 0)),
    'tokenizer.ggml.token_type': gguf.i32s(p.types),
    'tokenizer.ggml.unknown_token_id': gguf.u32(0),
    'tokenizer.ggml.bos_token_id': gguf.u32(1),
    'tokenizer.ggml.eos_token_id': gguf.u32(2),
    'tokenizer.ggml.add_bos_token': gguf.bool(true),
    'tokenizer.ggml.add_eos_token': gguf.bool(false),
    'tokenizer.ggml.add_space_prefix': gguf.bool(false),
  };
}
