/**
 * JSON-schema grammars applied while sampling: a schema rewritten as node-llama-cpp's grammar reads it, the grammar
 * of a `responseFormat`, and the grammar of a tool call's schema (tools.ts builds the schema), each refusing a
 * schema the engine cannot follow with a typed `INVALID_REQUEST`.
 */
import { VerityError } from '@verity/protocol';
import type { Llama, LlamaGrammar } from 'node-llama-cpp';
import type { LlmCompletionRequest } from './types.js';

/** The grammar a response format asks for: any JSON object, or JSON that follows the schema; none for text. */
export async function responseFormatGrammar(
  llama: Llama,
  format: LlmCompletionRequest['responseFormat'],
): Promise<LlamaGrammar | undefined> {
  if (!format) return undefined;
  if (format.type === 'json_object') return llama.getGrammarFor('json');
  try {
    return await llama.createGrammarForJsonSchema(grammarSchema(format.schema) as never);
  } catch (cause) {
    throw new VerityError('INVALID_REQUEST', 'response_format.json_schema.schema is not a JSON schema this engine can follow', {
      details: { param: 'response_format', reason: cause instanceof Error ? cause.message : String(cause) },
      cause,
    });
  }
}

/** The grammar of a call's schema; a schema it cannot follow is the tools' fault. */
export async function toolCallGrammar(llama: Llama, schema: unknown): Promise<LlamaGrammar> {
  try {
    return await llama.createGrammarForJsonSchema(grammarSchema(schema) as never);
  } catch (cause) {
    throw new VerityError('INVALID_REQUEST', "a tool's parameters are not a JSON schema this engine can follow", {
      details: { param: 'tools', reason: cause instanceof Error ? cause.message : String(cause) },
      cause,
    });
  }
}

/**
 * A JSON schema as node-llama-cpp's grammar reads it: `anyOf` as `oneOf` (it knows only `oneOf`, and for a grammar
 * the two are the same: any branch may match), at every depth.
 */
export function grammarSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  if (Array.isArray(schema)) return schema.map(grammarSchema);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, grammarSchema(v)]));
    } else if (['items', 'prefixItems', 'anyOf', 'oneOf', 'additionalProperties'].includes(key)) {
      out[key === 'anyOf' ? 'oneOf' : key] = grammarSchema(value);
    } else out[key] = value;
  }
  return out;
}
