/**
 * `verity receipt verify <file>`: checks a saved infer response, chat or completion answer (or one signed receipt)
 * offline, with no network and no trust in whoever produced the file. A text answer's receipts are checked against
 * its text and finish reason, and with `--request` against the request that was sent (its inputHash). With
 * `--chain`, also checks that each receipt is settled: its executor's node gives the epoch and inclusion proof
 * (GET /v1/receipts/<requestId> at --url), and the chain's ReceiptRegistry says whether the receipt is in the root
 * that executor posted. Exit code 1 when any check fails, or any receipt is not settled yet.
 */
import {
  type SignedReceipt,
  SignedReceiptSchema,
  VerityError,
  type VerificationReport,
  type VerifyReceiptOptions,
  verifyInferResponse,
  verifyReceipt,
} from '@verity/protocol';
import { type VerifySettlementReturnType, verifyText } from '@verity/sdk';
import { Command } from 'commander';
import type { Context, Session } from '../context.js';
import { examples, formatCheck, shortAddress } from '../format.js';
import { readInputs } from '../inputs.js';
import { UsageError, exitCodes } from '../output.js';

/** --request: the JSON body that was sent. */
async function readRequest(context: Context, path: string): Promise<Record<string, unknown>> {
  const text = await context.readText(path, 'request file');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--request is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new UsageError('--request must be a JSON object: the body of the chat or completion request');
  return value;
}

function verifyTextAnswer(
  client: Session['client'],
  answer: Record<string, unknown>,
  request: Record<string, unknown> | undefined,
): VerificationReport {
  try {
    return verifyText(client(), { answer, ...(request ? { request } : {}) });
  } catch (error) {
    // The request file is the user's input: one the protocol refuses is a mistake in the command line.
    if (error instanceof VerityError && error.code === 'INVALID_REQUEST') throw new UsageError(`--request: ${error.message}`);
    throw error;
  }
}

interface VerifyOptions {
  input?: string;
  request?: string;
  chain?: boolean;
}

/** A chat or completion answer: OpenAI's shape, with the receipts under `verity`. */
function isTextAnswer(value: unknown): value is Record<string, unknown> & { verity: unknown } {
  return isObject(value) && 'verity' in value && 'choices' in value;
}

/** The receipts of a parsed file that have the form of signed receipts (the offline checks report the rest). */
function receiptsOf(value: unknown): SignedReceipt[] {
  const holder = isTextAnswer(value) ? value.verity : value;
  const list =
    isObject(holder) && Array.isArray(holder.receipts) ? holder.receipts : isObject(value) && 'typedData' in value ? [value] : [];
  return list.flatMap((item: unknown) => {
    const parsed = SignedReceiptSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function receiptVerifyCommand(context: Context): Command {
  return new Command('verify')
    .description('check a saved infer response, chat or completion answer (or a single signed receipt) offline')
    .argument('<file>', 'JSON file written by `verity infer|chat|complete --output`, or - for stdin')
    .option('--input <json|@file>', 'infer responses: also check that the receipts commit to these input tensors')
    .option('--request <file>', 'chat/completion answers: also check that the receipts commit to this request JSON as sent')
    .option('--chain', 'also check on chain that each receipt is settled (needs --deployment; proofs from --url)')
    .addHelpText(
      'after',
      examples([
        ['verity receipt verify answer.json'],
        ['verity infer mlp@1 --input @x.json --json | verity receipt verify -'],
        ['verity receipt verify answer.json --input @x.json', 'also check the inputHash'],
        ['verity chat "Hello" --model tiny-llama --output chat.json && verity receipt verify chat.json', 'a chat answer'],
        ['verity receipt verify chat.json --request request.json', 'and the request it answers (the JSON body sent)'],
        ['verity receipt verify answer.json --chain --deployment .verity/devnet/deployment.json', 'settled on chain?'],
        ['verity receipt verify answer.json --json', 'the report as JSON'],
      ]),
    )
    .action(async (file: string, options: VerifyOptions, command: Command) => {
      const { out, chainClient, client } = context.session(command);
      // Configuration mistakes surface before any work.
      const chain = options.chain ? (await chainClient({ key: 'none', why: 'receipt verify --chain' })).client : undefined;
      const inputs = options.input === undefined ? undefined : await readInputs(context, options.input);
      const request = options.request === undefined ? undefined : await readRequest(context, options.request);
      const text = await context.readText(file, 'file');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new VerityError('BAD_JSON', `${file === '-' ? 'stdin' : file} is not JSON: ${(error as Error).message}`);
      }
      const verifyOptions: VerifyReceiptOptions = inputs ? { inputs } : {};
      let report: VerificationReport;
      let what: string;
      if (isTextAnswer(value)) {
        if (inputs) throw new UsageError('--input is for infer responses: for a chat or completion answer, use --request');
        report = verifyTextAnswer(client, value, request);
        const verity = isObject(value.verity) ? value.verity : {};
        const kind = value.object === 'text_completion' ? 'completion' : 'chat completion';
        what = `${kind} ${String(verity.requestId)} (policy ${String(verity.policy)}, ${Array.isArray(verity.receipts) ? verity.receipts.length : 0} receipt(s))`;
      } else if (request !== undefined) {
        throw new UsageError('--request is for chat and completion answers (JSON with "verity" and "choices")');
      } else if (isObject(value) && 'receipts' in value) {
        report = verifyInferResponse(value, verifyOptions);
        what = `infer response ${String(value.requestId)} (policy ${String(value.policy)}, ${Array.isArray(value.receipts) ? value.receipts.length : 0} receipt(s))`;
      } else if (isObject(value) && 'typedData' in value) {
        report = verifyReceipt(value, verifyOptions);
        what = 'signed receipt';
      } else {
        report = {
          ok: false,
          checks: [
            {
              check: 'format',
              ok: false,
              message:
                'neither an infer response (with receipts), a chat or completion answer (with verity), nor a signed receipt',
            },
          ],
        };
        what = file === '-' ? 'stdin' : file;
      }
      let settlements: VerifySettlementReturnType[] | undefined;
      if (chain) {
        const receipts = receiptsOf(value);
        settlements = [];
        for (const receipt of receipts) settlements.push(await chain.verifySettlement({ receipt }));
      }
      const settled = settlements === undefined || (settlements.length > 0 && settlements.every((s) => s.outcome === 'valid'));
      if (!report.ok || !settled) context.exitCode = exitCodes.failure;
      if (out.json) return out.result(settlements ? { ok: report.ok && settled, checks: report.checks, settlements } : report);
      out.line(what);
      for (const check of report.checks) out.line(`  ${formatCheck(check, out.style)}`);
      const failed = report.checks.filter((c) => !c.ok).length;
      out.line(
        report.ok
          ? out.style.green(`verified: all ${report.checks.length} checks pass`)
          : out.style.red(`NOT VERIFIED: ${failed} of ${report.checks.length} checks fail`),
      );
      if (!settlements) return;
      out.line('on chain');
      if (settlements.length === 0) out.line(`  ${out.style.red('✗')} no signed receipt to check`);
      for (const [index, result] of settlements.entries()) {
        const mark = result.outcome === 'valid' ? out.style.green('✓') : out.style.red('✗');
        out.line(`  ${mark} receipt ${index} (${shortAddress(result.executor)}): ${result.message}`);
      }
      const valid = settlements.filter((s) => s.outcome === 'valid').length;
      out.line(
        settled
          ? out.style.green(`settled: ${valid} of ${settlements.length} receipt(s) verified on chain`)
          : out.style.red(`NOT SETTLED: ${settlements.length - valid} of ${settlements.length} receipt(s) not verified on chain`),
      );
    });
}
