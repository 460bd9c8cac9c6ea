/**
 * Request checks that need no model: exactly one of messages and prompt, the sampling settings (maxTokens against
 * the context size, temperature, topP, seed), stop sequences and the shape of chat messages; and the typed
 * `INVALID_REQUEST` error every check throws. Checks that need the model (the prompt's length in tokens, the
 * grammars) stay with the binding in engine.ts.
 */
import { VerityError } from '@verity/protocol';
import { fixedRoleNames } from './prompt.js';
import type { LlmCompletionRequest, LlmMessage } from './types.js';

const MAX_STOP_SEQUENCES = 4;
const MAX_SEED = 2 ** 32;

/** Sampling settings as node-llama-cpp takes them: top-k and min-p are always off. */
export interface Sampling {
  temperature: number;
  topP: number;
  topK: number;
  minP: number;
  seed: number;
}

export interface CheckedSettings {
  /** The request's maxTokens, checked against the context size; none means the rest of the context. */
  requestedMaxTokens: number | undefined;
  stops: string[];
  sampling: Sampling;
}

/** Checks that exactly one of messages and prompt is given, then the sampling settings and stop sequences. */
export function checkSettings(request: LlmCompletionRequest, contextSize: number): CheckedSettings {
  const { messages, prompt } = request;
  if ((messages === undefined) === (prompt === undefined)) {
    throw invalid('give exactly one of messages and prompt');
  }
  const requestedMaxTokens = request.maxTokens;
  if (
    requestedMaxTokens !== undefined &&
    (!Number.isInteger(requestedMaxTokens) || requestedMaxTokens < 1 || requestedMaxTokens > contextSize)
  ) {
    throw invalid(`maxTokens must be an integer from 1 to ${contextSize}`, { maxTokens: requestedMaxTokens });
  }
  const temperature = request.temperature ?? 0;
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) {
    throw invalid('temperature must be from 0 to 2', { temperature });
  }
  const topP = request.topP ?? 1;
  if (!Number.isFinite(topP) || topP <= 0 || topP > 1) throw invalid('topP must be in (0, 1]', { topP });
  const seed = request.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed >= MAX_SEED) {
    throw invalid('seed must be an integer in [0, 2^32)', { seed });
  }
  const stops = [...(request.stop ?? [])];
  if (stops.length > MAX_STOP_SEQUENCES || stops.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw invalid(`stop must be at most ${MAX_STOP_SEQUENCES} non-empty strings`);
  }
  return { requestedMaxTokens, stops, sampling: { temperature, topP, topK: 0, minP: 0, seed } };
}

/** Checks a chat: not empty, each message with a known role and string content (null only with tool calls). */
export function checkMessages(messages: readonly LlmMessage[]): void {
  if (messages.length === 0) throw invalid('messages must not be empty');
  for (const [index, m] of messages.entries()) {
    const calls = m.toolCalls ?? [];
    if (
      !(m.role in fixedRoleNames) ||
      !(typeof m.content === 'string' || (m.content === null && m.role === 'assistant' && calls.length > 0)) ||
      (calls.length > 0 && m.role !== 'assistant') ||
      calls.some((c) => typeof c.name !== 'string' || typeof c.arguments !== 'string')
    ) {
      throw invalid(
        'each message needs a role (system, user, assistant or tool) and string content (null only with tool calls)',
        {
          index,
        },
      );
    }
  }
}

export function invalid(message: string, details: Record<string, unknown> = {}): VerityError {
  return new VerityError('INVALID_REQUEST', message, { details });
}
