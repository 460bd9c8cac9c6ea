/**
 * `verity receipt verify <file>`: checks a saved infer response (or one signed receipt) offline, with no network
 * and no trust in whoever produced the file. With `--chain`, also checks that each receipt is settled: its
 * executor's node gives the epoch and inclusion proof (GET /v1/receipts/<requestId> at --url), and the chain's
 * ReceiptRegistry says whether the receipt is in the root that executor posted. Exit code 1 when any check fails,
 * or any receipt is not settled yet.
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
import type { VerifySettlementReturnType } from '@verity/sdk';
import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples, formatCheck, shortAddress } from '../format.js';
import { readInputs } from '../inputs.js';
import { exitCodes } from '../output.js';

interface VerifyOptions {
  input?: string;
  chain?: boolean;
}

/** The receipts of a parsed file that have the form of signed receipts (the offline checks report the rest). */
function receiptsOf(value: unknown): SignedReceipt[] {
  const list =
    isObject(value) && Array.isArray(value.receipts) ? value.receipts : isObject(value) && 'typedData' in value ? [value] : [];
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
    .description('check a saved infer response (or a single signed receipt) offline')
    .argument('<file>', 'JSON file written by `verity infer --output`, or - for stdin')
    .option('--input <json|@file>', 'also check that the receipts commit to these input tensors')
    .option('--chain', 'also check on chain that each receipt is settled (needs --deployment; proofs from --url)')
    .addHelpText(
      'after',
      examples([
        ['verity receipt verify answer.json'],
        ['verity infer mlp@1 --input @x.json --json | verity receipt verify -'],
        ['verity receipt verify answer.json --input @x.json', 'also check the inputHash'],
        ['verity receipt verify answer.json --chain --deployment .verity/devnet/deployment.json', 'settled on chain?'],
        ['verity receipt verify answer.json --json', 'the report as JSON'],
      ]),
    )
    .action(async (file: string, options: VerifyOptions, command: Command) => {
      const { out, chainClient } = context.session(command);
      // Configuration mistakes surface before any work.
      const chain = options.chain ? (await chainClient({ key: 'none', why: 'receipt verify --chain' })).client : undefined;
      const inputs = options.input === undefined ? undefined : await readInputs(context, options.input);
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
      if (isObject(value) && 'receipts' in value) {
        report = verifyInferResponse(value, verifyOptions);
        what = `infer response ${String(value.requestId)} (policy ${String(value.policy)}, ${Array.isArray(value.receipts) ? value.receipts.length : 0} receipt(s))`;
      } else if (isObject(value) && 'typedData' in value) {
        report = verifyReceipt(value, verifyOptions);
        what = 'signed receipt';
      } else {
        report = {
          ok: false,
          checks: [{ check: 'format', ok: false, message: 'neither an infer response (with receipts) nor a signed receipt' }],
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
