/**
 * What `verity chat` and `verity complete` share: the sampling and Verity options, the text read from the arguments
 * or stdin, and the run itself. People see the text as it is generated on stdout and one verification line on
 * stderr (so `> file` keeps just the text); programs (--json) get the whole answer as JSON. The receipts are
 * always checked here, against the request sent, and a failure exits 1.
 */
import { writeFile } from 'node:fs/promises';
import { VerityError, generatedText } from '@verity/protocol';
import type { ChatParameters, CompleteParameters, TextAnswer, TextParameters } from '@verity/sdk';
import type { Command } from 'commander';
import { parseWei } from './amounts.js';
import type { Context } from './context.js';
import { formatCheck, shortAddress } from './format.js';
import { UsageError } from './output.js';
import { policyOption, requestIdOption } from './request-options.js';

export interface TextOptions {
  model: string;
  maxTokens?: string;
  temperature?: string;
  topP?: string;
  seed?: string;
  stop?: string[];
  policy?: string;
  requestId?: string;
  /** false with --no-stream. */
  stream: boolean;
  output?: string;
  maxPrice?: string;
}

/** The options both commands take, in the order help shows them; `own` options come right after --model. */
export function withTextOptions(command: Command, own: readonly [flags: string, description: string][] = []): Command {
  command.requiredOption('--model <ref>', 'name@version, name (latest version) or 0x<model id> of a GGUF model');
  for (const [flags, description] of own) command.option(flags, description);
  return command
    .option('--max-tokens <n>', 'the most tokens to generate')
    .option('--temperature <t>', '0 to 2; 0 (default) always picks the most likely token')
    .option('--top-p <p>', 'nucleus sampling, above 0 and at most 1 (default 1)')
    .option('--seed <n>', 'sampling seed (default 0): the same request and seed give the same text')
    .option('--stop <text>', 'a sequence that ends the text (repeat for up to 4)', (text: string, previous: string[] = []) => [
      ...previous,
      text,
    ])
    .option('--policy <policy>', 'none (default) | replicate:<k>')
    .option('--request-id <0x..>', 'request id (0x and 64 hex digits); chosen by the server when absent')
    .option('--no-stream', 'wait for the whole answer instead of printing it as it is generated')
    .option('--output <file>', 'save the whole answer as JSON (check it later with `verity receipt verify`)')
    .option('--max-price <wei>', 'pay at most this many token base units for the request (with $VERITY_KEY)');
}

function integer(text: string, what: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${what} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function decimal(text: string, what: string, ok: (value: number) => boolean, range: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !ok(value))
    throw new UsageError(`${what} must be ${range}, got "${text}"`);
  return value;
}

/** The options as SDK parameters (all but messages / prompt); mistakes are usage errors. */
export function textParameters(options: TextOptions): TextParameters {
  const parameters: TextParameters = { model: options.model };
  if (options.maxTokens !== undefined) parameters.max_tokens = integer(options.maxTokens, '--max-tokens', 1, 1_000_000);
  if (options.temperature !== undefined)
    parameters.temperature = decimal(options.temperature, '--temperature', (t) => t >= 0 && t <= 2, 'a number from 0 to 2');
  if (options.topP !== undefined)
    parameters.top_p = decimal(options.topP, '--top-p', (p) => p > 0 && p <= 1, 'a number above 0 and at most 1');
  if (options.seed !== undefined) parameters.seed = integer(options.seed, '--seed', 0, 2 ** 32 - 1);
  if (options.stop !== undefined) {
    if (options.stop.length > 4 || options.stop.some((s) => s.length === 0))
      throw new UsageError('--stop takes at most 4 sequences, none of them empty');
    parameters.stop = options.stop;
  }
  if (options.policy !== undefined) parameters.policy = policyOption(options.policy);
  if (options.requestId !== undefined) parameters.requestId = requestIdOption(options.requestId);
  return parameters;
}

/** The words given, or else stdin when it is not a terminal (one trailing newline dropped, as `echo` adds it). */
export async function textArgument(context: Context, words: readonly string[], what: string): Promise<string> {
  if (words.length > 0) return words.join(' ');
  if ((context.io.stdin as { isTTY?: boolean }).isTTY === true) {
    throw new UsageError(`no ${what}: give it as arguments, or on stdin`);
  }
  const text = (await context.readText('-', 'stdin')).replace(/\r?\n$/, '');
  if (text.trim().length === 0) throw new UsageError(`no ${what}: give it as arguments, or on stdin`);
  return text;
}

export type TextRequest = { kind: 'chat'; parameters: ChatParameters } | { kind: 'completion'; parameters: CompleteParameters };

/** Runs the request (streamed for people unless --no-stream), prints it, and checks its receipts. */
export async function runText(context: Context, command: Command, request: TextRequest, options: TextOptions): Promise<void> {
  const { out, requestClient } = context.session(command);
  const maxPriceWei = options.maxPrice === undefined ? undefined : parseWei(options.maxPrice, '--max-price');
  // Verification is done below, check by check, so a failure can be shown and the answer still saved.
  const verity = await requestClient({ verify: false, ...(maxPriceWei === undefined ? {} : { maxPriceWei }) });
  const stdout = context.io.stdout;
  let answer: TextAnswer;
  if (out.json || !options.stream) {
    answer = request.kind === 'chat' ? await verity.chat(request.parameters) : await verity.complete(request.parameters);
    if (!out.json) stdout.write(`${generatedText(answer).text}\n`);
  } else {
    const stream =
      request.kind === 'chat' ? await verity.chatStream(request.parameters) : await verity.completeStream(request.parameters);
    let printed = false;
    try {
      for await (const piece of stream) {
        stdout.write(piece);
        printed = true;
      }
      answer = await stream.completion();
    } finally {
      // The error (if any) then starts on its own line.
      if (printed) stdout.write('\n');
    }
  }
  // Saved before checking: an answer that fails verification is evidence worth keeping.
  if (options.output) await writeFile(options.output, `${JSON.stringify(answer, null, 2)}\n`);
  const report = verity.verifyText(answer, { request: request.parameters });
  const failed = report.checks.filter((c) => !c.ok);
  const invalid = () =>
    new VerityError('RECEIPT_INVALID', `the answer does not verify (${failed.length} check(s) failed)`, {
      details: { report, response: answer },
    });
  if (out.json) {
    if (!report.ok) throw invalid();
    return out.result(answer);
  }
  const stderr = context.io.stderr;
  if (!report.ok) {
    for (const check of failed) stderr.write(`${formatCheck(check, out.style)}\n`);
    throw invalid();
  }
  stderr.write(`${receiptLine(answer, out.style.green('✓'))}\n`);
  if (options.output) stderr.write(`saved to ${options.output}\n`);
}

/** `✓ verified: 1 receipt(s), executor 0xf39F…2266, policy none` */
export function receiptLine(answer: TextAnswer, mark: string): string {
  const executors = [...new Set(answer.verity.receipts.map((r) => r.typedData.message.executor))].map(shortAddress);
  const limit = generatedText(answer).finishReason === 'length' ? '; stopped at the token limit' : '';
  return `${mark} verified: ${answer.verity.receipts.length} receipt(s), executor${executors.length === 1 ? '' : 's'} ${executors.join(', ')}, policy ${answer.verity.policy}${limit}`;
}
