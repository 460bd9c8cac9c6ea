/**
 * `verity receipt verify <file>`: checks a saved infer response (or one signed receipt) offline, with no network
 * and no trust in whoever produced the file. Exit code 1 when any check fails.
 */
import { VerityError, type VerificationReport, type VerifyReceiptOptions, verifyInferResponse, verifyReceipt } from '@verity/protocol';
import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples, formatCheck } from '../format.js';
import { readInputs } from '../inputs.js';
import { exitCodes } from '../output.js';

interface VerifyOptions {
  input?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function receiptVerifyCommand(context: Context): Command {
  return new Command('verify')
    .description('check a saved infer response (or a single signed receipt) offline')
    .argument('<file>', 'JSON file written by `verity infer --output`, or - for stdin')
    .option('--input <json|@file>', 'also check that the receipts commit to these input tensors')
    .addHelpText(
      'after',
      examples([
        ['verity receipt verify answer.json'],
        ['verity infer mlp@1 --input @x.json --json | verity receipt verify -'],
        ['verity receipt verify answer.json --input @x.json', 'also check the inputHash'],
        ['verity receipt verify answer.json --json', 'the report as JSON'],
      ]),
    )
    .action(async (file: string, options: VerifyOptions, command: Command) => {
      const { out } = context.session(command);
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
        report = { ok: false, checks: [{ check: 'format', ok: false, message: 'neither an infer response (with receipts) nor a signed receipt' }] };
        what = file === '-' ? 'stdin' : file;
      }
      if (!report.ok) context.exitCode = exitCodes.failure;
      if (out.json) return out.result(report);
      out.line(what);
      for (const check of report.checks) out.line(`  ${formatCheck(check, out.style)}`);
      const failed = report.checks.filter((c) => !c.ok).length;
      out.line(
        report.ok
          ? out.style.green(`verified: all ${report.checks.length} checks pass`)
          : out.style.red(`NOT VERIFIED: ${failed} of ${report.checks.length} checks fail`),
      );
    });
}
