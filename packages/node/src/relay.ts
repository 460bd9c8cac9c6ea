/**
 * Relayed models: a node may serve a model by forwarding requests to an upstream OpenAI-compatible server (a local
 * llama.cpp server, vLLM, a provider). The relay looks like any LLM to the executor, but what it signs is only
 * that it relayed this exact request and this exact answer: its receipts carry the policy `relay` and the engine
 * `relay/<upstream model>`, and the executor refuses to sign them under any other policy.
 *
 * The upstream is asked for whole answers (`stream: false`); a streamed request is streamed to the client from
 * that answer.
 */
import { postJsonText } from '@verity/http/client';
import { type Hex, VerityError, hashCanonicalJson } from '@verity/protocol';
import type { LlmCompletion, LlmCompletionRequest, LoadedLlm } from '@verity/runtime';
import { z } from 'zod';

export interface RelayConfig {
  /** The name clients ask for; served as `<name>@relay`. */
  name: string;
  /** The upstream's OpenAI base URL, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  /** The model name sent upstream. */
  upstreamModel: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set (never logged). */
  apiKey?: string;
  timeoutMs?: number;
}

/** Parses `<name>=<baseUrl>#<upstreamModel>` (the node's --relay flag). */
export function parseRelaySpec(spec: string): Omit<RelayConfig, 'apiKey' | 'timeoutMs'> {
  const match = /^([a-zA-Z0-9][a-zA-Z0-9._-]{0,127})=(https?:\/\/[^#\s]+)#(.+)$/.exec(spec);
  if (!match) throw new TypeError(`--relay expects <name>=<baseUrl>#<upstreamModel>, got "${spec}"`);
  return { name: match[1] as string, baseUrl: (match[2] as string).replace(/\/+$/, ''), upstreamModel: match[3] as string };
}

/** A relayed model's id: the hash of what it names upstream, so nodes relaying one upstream model share it. */
export function relayModelId(upstreamModel: string): Hex {
  return hashCanonicalJson({ relay: upstreamModel });
}

const UpstreamAnswerSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable() }).optional(),
        text: z.string().optional(),
        finish_reason: z.string().nullable(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }).optional(),
});

export function createRelayLlm(config: RelayConfig): LoadedLlm {
  const engine = `relay/${config.upstreamModel}`;

  async function complete(request: LlmCompletionRequest): Promise<LlmCompletion> {
    const chat = request.messages !== undefined;
    const body = {
      model: config.upstreamModel,
      ...(chat ? { messages: request.messages } : { prompt: request.prompt }),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      temperature: request.temperature ?? 0,
      top_p: request.topP ?? 1,
      seed: request.seed ?? 0,
      ...(request.stop && request.stop.length > 0 ? { stop: request.stop } : {}),
      ...(request.responseFormat ? { response_format: upstreamFormat(request.responseFormat) } : {}),
      stream: false,
    };
    let text: string;
    try {
      text = await postJsonText(`${config.baseUrl}${chat ? '/chat/completions' : '/completions'}`, JSON.stringify(body), {
        ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
        ...(config.apiKey ? { headers: { authorization: `Bearer ${config.apiKey}` } } : {}),
      });
    } catch (cause) {
      // Bad input the upstream refuses is the caller's; anything else is the relay's upstream failing.
      if (cause instanceof VerityError && cause.status < 500 && cause.code !== 'NODE_UNAVAILABLE') throw cause;
      throw new VerityError('ENGINE_ERROR', `the relay's upstream failed: ${(cause as Error).message}`, { cause });
    }
    const parsed = UpstreamAnswerSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new VerityError('ENGINE_ERROR', "the relay's upstream answered in an unknown shape");
    const choice = parsed.data.choices[0];
    const finish = choice?.finish_reason;
    if (finish !== 'stop' && finish !== 'length') {
      throw new VerityError(
        'ENGINE_ERROR',
        `the relay's upstream ended with finish_reason ${String(finish)}, which is not served`,
      );
    }
    return {
      text: (chat ? choice?.message?.content : choice?.text) ?? '',
      tokens: [],
      finishReason: finish,
      usage: {
        promptTokens: parsed.data.usage?.prompt_tokens ?? 0,
        completionTokens: parsed.data.usage?.completion_tokens ?? 0,
      },
    };
  }

  return {
    engine,
    contextSize: Number.MAX_SAFE_INTEGER,
    hasChatTemplate: true,
    complete,
    async *stream(request) {
      const completion = await complete(request);
      if (completion.text.length > 0) yield completion.text;
      return completion;
    },
    dispose: async () => undefined,
  };
}

function upstreamFormat(format: NonNullable<LlmCompletionRequest['responseFormat']>): unknown {
  return format.type === 'json_object'
    ? { type: 'json_object' }
    : { type: 'json_schema', json_schema: { name: 'response', schema: format.schema } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
