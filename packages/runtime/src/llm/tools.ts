/**
 * Tool calls: which answer a tool choice asks for, the JSON schema of a call, finding where a generated call ends
 * and parsing it, and the tools as node-llama-cpp's functions (for `auto`). How tools and calls appear in a prompt
 * is prompt.ts's; the grammars are grammar.ts's.
 *
 * - `required`: the output is one call, `{"name": <one of the tools>, "arguments": <that tool's parameters>}`,
 *   by a JSON-schema grammar; a named function: its arguments object alone. Generation ends as soon as the JSON
 *   value is complete (finish reason `tool_calls`, the arguments as the exact JSON text generated); when it ends
 *   before that (the token limit, a stop sequence), the answer is the text so far with that finish reason.
 * - `auto`: the model answers text or calls in its chat wrapper's function-calling format (functions.ts): the
 *   wrapper node-llama-cpp resolves for the model's own template, which renders the tools, calls and results its
 *   own way, or for the fixed template the prompt prompt.ts renders, in which a call is the call text
 *   `{"name":"<name>","arguments":<parameters>}`. Parameters follow their JSON schema; the arguments are the
 *   parameters node-llama-cpp parsed, as `JSON.stringify` writes them. The text before a call is kept; a call is
 *   not streamed. Not with `responseFormat` (node-llama-cpp takes a grammar or functions, not both).
 * - `none`: text, as without tools.
 */
import type { ChatModelFunctions } from 'node-llama-cpp';
import { grammarSchema } from './grammar.js';
import { invalid } from './request.js';
import type { LlmCompletionRequest, LlmTool, LlmToolCall } from './types.js';

/** Most calls in one `auto` answer: as many as tools may be given (and a stream's `delta.tool_calls` indexes). */
export const MAX_CALLS = 64;

/** A call the request asks for: `required` (any of the tools) or one named tool. */
export type CallRequest = { tools: readonly LlmTool[]; named: boolean };

/** The arguments of a tool without parameters: an empty object. */
const noParameters = { type: 'object', properties: {}, additionalProperties: false };

/** The call a request asks for, `auto` (text or calls), or none (text); refuses choices that name no given tool. */
export function resolveToolChoice(request: LlmCompletionRequest, tools: readonly LlmTool[]): CallRequest | 'auto' | undefined {
  const choice = request.toolChoice ?? (tools.length > 0 ? 'auto' : 'none');
  if (choice === 'none' || (choice === 'auto' && tools.length === 0)) return undefined;
  if (tools.length === 0) throw invalid('tool_choice asks for a call but no tools are given', { param: 'tool_choice' });
  if (choice === 'auto') return 'auto';
  if (choice === 'required') return { tools, named: false };
  const tool = tools.find((t) => t.name === choice.name);
  if (!tool) throw invalid(`tool_choice names ${choice.name}, which is not among the tools`, { param: 'tool_choice' });
  return { tools: [tool], named: true };
}

/** The schema of a call: a named tool's arguments, or `{"name": <a tool>, "arguments": <its parameters>}`. */
export function callSchema(call: CallRequest): unknown {
  const oneCall = (t: LlmTool) => ({
    type: 'object',
    properties: { name: { const: t.name }, arguments: t.parameters ?? noParameters },
    required: ['name', 'arguments'],
    additionalProperties: false,
  });
  const first = call.tools[0] as LlmTool;
  return call.named
    ? (first.parameters ?? noParameters)
    : call.tools.length === 1
      ? oneCall(first)
      : { oneOf: call.tools.map(oneCall) };
}

/**
 * The index just past the JSON object or array that starts at `start` (after whitespace), or -1 while it is not
 * complete. Only brackets outside strings count; the grammar makes the rest well-formed.
 */
export function jsonValueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') return -1;
  }
  return -1;
}

/** A complete call's name and arguments, the arguments as the exact JSON text generated. */
export function parseCall(call: CallRequest, text: string): LlmToolCall | undefined {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (call.named) return { name: (call.tools[0] as LlmTool).name, arguments: trimmed };
  const name = (value as { name?: unknown }).name;
  if (typeof name !== 'string' || !call.tools.some((t) => t.name === name)) return undefined;
  // The grammar writes "name" first and "arguments" last; a name cannot contain quotes, so this is the key.
  const key = trimmed.indexOf('"arguments"');
  const colon = key === -1 ? -1 : trimmed.indexOf(':', key + '"arguments"'.length);
  if (colon === -1) return undefined;
  let start = colon + 1;
  while (start < trimmed.length && /\s/.test(trimmed[start] as string)) start++;
  const end = jsonValueEnd(trimmed, start);
  if (end === -1) return undefined;
  return { name, arguments: trimmed.slice(start, end) };
}

/** The tools as node-llama-cpp's functions: a description and the parameters' schema, when given. */
export function chatFunctions(tools: readonly LlmTool[]): ChatModelFunctions {
  return Object.fromEntries(
    tools.map((t) => [
      t.name,
      {
        ...(t.description !== undefined ? { description: t.description } : {}),
        ...(t.parameters !== undefined ? { params: grammarSchema(t.parameters) as never } : {}),
      },
    ]),
  );
}
