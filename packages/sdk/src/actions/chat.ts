/**
 * POST /v1/chat/completions: a language model's answer to a conversation, whole, in OpenAI's shape with the signed
 * receipts under `verity`. By default the receipts are checked offline before the answer is handed over (each
 * signed by its executor and committing to this request, this model and exactly this text and finish reason; enough
 * distinct executors for the policy), and a failed check throws RECEIPT_INVALID with the whole report.
 */
import type { ChatCompletion } from '@verity/protocol';
import type { Client } from '../client.js';
import { type TextParameters, requestText } from '../text.js';

/**
 * A message as OpenAI's clients write it (`developer` counts as `system`): an assistant message may carry the tool
 * calls it made (content then null), and a `tool` message answers one of them.
 */
export interface ChatMessageParameter {
  role: 'system' | 'user' | 'assistant' | 'developer' | 'tool';
  content: string | readonly { type: 'text'; text: string }[] | null;
  name?: string;
  tool_calls?: readonly { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/** A function the model may call; `parameters` is a JSON schema of its arguments object. */
export interface ToolParameter {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean | null };
}

/** `required` or a named function answers with a call; `none` with text; `auto` needs a template with tool calls. */
export type ToolChoiceParameter = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

/** Plain text (the default), any JSON object, or JSON that follows a schema. */
export type ResponseFormatParameter =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean | null };
    };

/** OpenAI's chat request fields that this protocol serves (snake_case, as on the wire), and Verity's options. */
export interface ChatParameters extends TextParameters {
  messages: readonly ChatMessageParameter[];
  response_format?: ResponseFormatParameter;
  tools?: readonly ToolParameter[];
  tool_choice?: ToolChoiceParameter;
}

export type ChatReturnType = ChatCompletion;

export function chat(client: Client, parameters: ChatParameters): Promise<ChatReturnType> {
  return requestText(client, 'chat', parameters);
}
