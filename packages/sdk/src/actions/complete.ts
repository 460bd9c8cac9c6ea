/**
 * POST /v1/completions: a language model's continuation of a prompt, whole, in OpenAI's shape with the signed
 * receipts under `verity`, checked offline like `chat`'s (RECEIPT_INVALID with the report when a check fails).
 */
import type { TextCompletion } from '@verity/protocol';
import type { Client } from '../client.js';
import { type TextParameters, requestText } from '../text.js';

/** OpenAI's completion request fields that this protocol serves, and Verity's options. `max_tokens` defaults to 16. */
export interface CompleteParameters extends TextParameters {
  prompt: string;
}

export type CompleteReturnType = TextCompletion;

export function complete(client: Client, parameters: CompleteParameters): Promise<CompleteReturnType> {
  return requestText(client, 'completion', parameters);
}
