/**
 * Incremental text: generated tokens turned into text chunks that only ever extend what was sent (UTF-8-safe), with
 * text stop sequences cut out as they appear, and the check for stop sequences given as tokens.
 */
import type { LlamaModel, Token } from 'node-llama-cpp';

/**
 * Turns generated tokens into text chunks that only ever extend what was sent: a token may end inside a UTF-8
 * character (byte tokens do), so trailing U+FFFD is held back until the next token settles it, and so is any tail
 * that could still grow into a stop sequence.
 */
export class IncrementalText {
  emitted = '';
  stopped = false;
  /** The settled text so far: what was sent and what is held back. */
  get seen(): string {
    return this.emitted + this.#held;
  }
  /** Tokens not yet turned into settled text, and the text they decode to. */
  #pending: Token[] = [];
  #pendingText = '';
  /** Settled text not yet sent because it might begin a stop sequence. */
  #held = '';
  #context: Token[];

  constructor(
    private readonly model: LlamaModel,
    promptTokens: readonly Token[],
    private readonly stops: readonly string[],
  ) {
    this.#context = promptTokens.slice(-8);
  }

  push(token: Token): string {
    this.#pending.push(token);
    this.#pendingText = this.model.detokenize(this.#pending, false, this.#context);
    if (this.#pendingText.endsWith('\uFFFD')) return '';
    return this.#settle(this.#pendingText, false);
  }

  flush(): string {
    if (this.stopped) return '';
    return this.#settle(this.#pending.length > 0 ? this.#pendingText : '', true);
  }

  #settle(settled: string, final: boolean): string {
    this.#context = [...this.#context, ...this.#pending].slice(-8);
    this.#pending = [];
    this.#pendingText = '';
    let candidate = this.#held + settled;
    // A stop may straddle already-sent text only within the held tail, which is why the tail was held.
    let cut = -1;
    for (const stop of this.stops) {
      const at = candidate.indexOf(stop);
      if (at !== -1 && (cut === -1 || at < cut)) cut = at;
    }
    if (cut !== -1) {
      this.stopped = true;
      candidate = candidate.slice(0, cut);
      this.#held = '';
      this.emitted += candidate;
      return candidate;
    }
    const hold = final ? 0 : longestStopPrefixSuffix(candidate, this.stops);
    const out = candidate.slice(0, candidate.length - hold);
    this.#held = candidate.slice(candidate.length - hold);
    this.emitted += out;
    return out;
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of some stop sequence. */
function longestStopPrefixSuffix(text: string, stops: readonly string[]): number {
  let best = 0;
  for (const stop of stops) {
    for (let n = Math.min(stop.length - 1, text.length); n > best; n--) {
      if (text.endsWith(stop.slice(0, n))) {
        best = n;
        break;
      }
    }
  }
  return best;
}

/** Whether `tokens` ends with `tail` (a stop sequence given as tokens). */
export function endsWithTokens(tokens: readonly Token[], tail: readonly Token[]): boolean {
  if (tail.length > tokens.length) return false;
  const offset = tokens.length - tail.length;
  return tail.every((t, i) => tokens[offset + i] === t);
}
