/**
 * Prompt rendering for chats: the fixed chat template (for models without one of their own), how tools, tool
 * results and calls appear in a prompt, and a chat as the history a model's own chat template renders (for every
 * tool choice but `auto`, whose history is functions.ts's).
 *
 * The prompt shows the tools whatever the tool choice is (it depends on the tools and the messages only; the choice
 * only decides the grammar): a first system message `Tools: <canonical JSON of [{name, description?, parameters?}]>`
 * (the tools' functions, as hashed), each `tool` message as `Tool: <content>`, and an assistant message's calls as
 * their call texts `{"name":<name>,"arguments":<arguments as given>}`, one a line after its content. The fixed
 * template renders these as lines like any other (`System: Tools: [...]`, `Tool: ...`, `Assistant: {"name":...}`);
 * a model's own chat template gets the tools as a system message, tool results as user messages and calls as the
 * model's text (its own function-calling format is not used).
 */
import { canonicalJson } from '@verity/protocol';
import type { ChatHistoryItem } from 'node-llama-cpp';
import type { LlmMessage, LlmRole, LlmTool, LlmToolCall } from './types.js';

/**
 * The fixed chat template, for models without one: each message as `<Role>: <content>\n` (roles `System`, `User`,
 * `Assistant`), then `Assistant:` for the model to continue, after BOS when the model asks for it. `\nUser:` is an
 * implicit stop sequence, so a model that keeps writing the dialogue ends its turn there.
 */
export const FIXED_CHAT_STOP = '\nUser:';
/** The fixed template's name of each role; its keys are the roles a message may have. */
export const fixedRoleNames: Record<LlmRole, string> = { system: 'System', user: 'User', assistant: 'Assistant', tool: 'Tool' };
export function renderFixedChat(messages: readonly LlmMessage[], tools: readonly LlmTool[] = []): string {
  const lines = [
    ...(tools.length > 0 ? [`System: ${toolsText(tools)}`] : []),
    ...messages.map((m) => `${fixedRoleNames[m.role]}: ${messageText(m)}`),
  ];
  return `${lines.map((line) => `${line}\n`).join('')}Assistant:`;
}

/** The tools as the prompt shows them: `Tools: ` and the canonical JSON of their functions. */
export function toolsText(tools: readonly LlmTool[]): string {
  return `Tools: ${canonicalJson(tools)}`;
}

/** A call as the prompt shows it, and as `required` generates it: `{"name":...,"arguments":...}`. */
export function toolCallText(call: LlmToolCall): string {
  return `{"name":${JSON.stringify(call.name)},"arguments":${call.arguments}}`;
}

/** A message's text: its content, then its calls one a line. */
export function messageText(m: LlmMessage): string {
  return [...(m.content ? [m.content] : []), ...(m.toolCalls ?? []).map(toolCallText)].join('\n');
}

/**
 * A chat as the history a model's own chat template renders: the tools as a first system message, assistant
 * messages (calls included) as the model's text, tool results as user messages `Tool: <content>`, then the empty
 * model response to generate.
 */
export function templateChatHistory(messages: readonly LlmMessage[], tools: readonly LlmTool[]): ChatHistoryItem[] {
  return [
    ...(tools.length > 0 ? [{ type: 'system' as const, text: toolsText(tools) }] : []),
    ...messages.map((m) =>
      m.role === 'assistant'
        ? { type: 'model' as const, response: [messageText(m)] }
        : m.role === 'tool'
          ? { type: 'user' as const, text: `Tool: ${m.content ?? ''}` }
          : { type: m.role, text: m.content ?? '' },
    ),
    { type: 'model', response: [] },
  ];
}
