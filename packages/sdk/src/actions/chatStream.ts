/**
 * POST /v1/chat/completions with `stream: true`: the answer's text as it is generated, then the whole answer. The
 * receipts come in the stream's last chunk and cover the whole text, so the answer is checked (as `chat` checks
 * one) against the text assembled from the stream; a stream that fails or stops before its end throws.
 *
 * ```ts
 * const stream = await chatStream(client, { model: 'tiny-llama', messages: [{ role: 'user', content: 'Hi' }] });
 * for await (const text of stream) process.stdout.write(text);
 * const answer = await stream.completion(); // verified ChatCompletion
 * ```
 */
import type { ChatCompletion } from '@verity/protocol';
import type { Client } from '../client.js';
import { type TextStream, streamText } from '../text.js';
import type { ChatParameters } from './chat.js';

export type ChatStreamParameters = ChatParameters;
export type ChatStreamReturnType = TextStream<ChatCompletion>;

export function chatStream(client: Client, parameters: ChatStreamParameters): Promise<ChatStreamReturnType> {
  return streamText(client, 'chat', parameters);
}
