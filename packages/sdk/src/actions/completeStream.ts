/**
 * POST /v1/completions with `stream: true`: the continuation as it is generated, then the whole answer, checked
 * against the assembled text as `chatStream` checks one; a stream that fails or stops before its end throws.
 */
import type { TextCompletion } from '@verity/protocol';
import type { Client } from '../client.js';
import { type TextStream, streamText } from '../text.js';
import type { CompleteParameters } from './complete.js';

export type CompleteStreamParameters = CompleteParameters;
export type CompleteStreamReturnType = TextStream<TextCompletion>;

export function completeStream(client: Client, parameters: CompleteStreamParameters): Promise<CompleteStreamReturnType> {
  return streamText(client, 'completion', parameters);
}
