/**
 * `verity infer <model>`: run a model, print its outputs and how far the answer can be trusted (policy, receipts,
 * distinct executors, offline verification). The receipts are always checked here, and a failure exits 1.
 */
import { writeFile } from 'node:fs/promises';
import { VerityError } from '@verity/protocol';
import { type InferParameters, checkInferResponse, resolveModelId } from '@verity/sdk';
import { Command } from 'commander';
import { parseWei } from '../amounts.js';
import { type Context, paymentNote } from '../context.js';
import { examples, fields, formatCheck, formatTensor, shortAddress } from '../format.js';
import { readInputs } from '../inputs.js';
import { policyOption, requestIdOption } from '../request-options.js';

interface InferOptions {
  input: string;
  policy?: string;
  requestId?: string;
  output?: string;
  maxPrice?: string;
}

export function inferCommand(context: Context): Command {
  return new Command('infer')
    .description('run a model and check the receipts of its answer offline')
    .argument('<model>', 'name@version, name (latest version) or 0x<model id>')
    .requiredOption('--input <json|@file>', 'input tensors: JSON, or @file.json (@- for stdin)')
    .option('--policy <policy>', 'none | replicate:<k> | spot-check:<p>')
    .option('--request-id <0x..>', 'request id (0x and 64 hex digits); chosen by the server when absent')
    .option('--output <file>', 'save the whole response as JSON (check it later with `verity receipt verify`)')
    .option('--max-price <wei>', 'pay at most this many token base units for the request (with $VERITY_KEY)')
    .addHelpText(
      'after',
      `${examples([
        [`verity infer mlp@1 --input '{"x": {"dtype": "float32", "shape": [1, 4], "data": [1, 2, 3, 4]}}'`],
        [`verity infer mlp --input '{"x": [[1, 2, 3, 4]]}'`, 'nested numbers mean float32'],
        ['verity infer mlp@1 --input @x.json --policy replicate:3 --output answer.json'],
        ['verity infer mlp@1 --input @- --json < x.json', 'inputs from stdin, the whole response as JSON'],
        ['VERITY_KEY=0x… verity infer mlp --input @x.json --max-price 1000000000000000', 'paid, at most 0.001 VRT'],
      ])}\n${paymentNote}\n`,
    )
    .action(async (model: string, options: InferOptions, command: Command) => {
      const { out, requestClient } = context.session(command);
      const maxPriceWei = options.maxPrice === undefined ? undefined : parseWei(options.maxPrice, '--max-price');
      const inputs = await readInputs(context, options.input);
      const parameters: InferParameters = { model, inputs };
      if (options.policy !== undefined) parameters.policy = policyOption(options.policy);
      if (options.requestId !== undefined) parameters.requestId = requestIdOption(options.requestId);

      const paying = await requestClient({ verify: false, ...(maxPriceWei === undefined ? {} : { maxPriceWei }) });
      const response = await paying.infer(parameters);
      // Saved before checking: a response that fails verification is evidence worth keeping.
      if (options.output) await writeFile(options.output, `${JSON.stringify(response, null, 2)}\n`);
      const report = checkInferResponse(parameters, response, await resolveModelId(paying, model));
      const failed = report.checks.filter((c) => !c.ok);
      const invalid = () =>
        new VerityError('RECEIPT_INVALID', `the response does not verify (${failed.length} check(s) failed)`, {
          details: { report, response },
        });
      if (out.json) {
        if (!report.ok) throw invalid();
        return out.result(response);
      }

      out.line('outputs');
      for (const [name, tensor] of Object.entries(response.outputs)) out.line(`  ${formatTensor(name, tensor)}`);
      const executors = new Map<string, string>();
      for (const receipt of response.receipts) {
        const { executor } = receipt.typedData.message;
        if (!executors.has(executor.toLowerCase())) executors.set(executor.toLowerCase(), executor);
      }
      out.line('agreement');
      out.line(
        fields([
          ['policy', response.policy],
          ['receipts', String(response.receipts.length)],
          [
            'executors',
            `${executors.size} distinct${executors.size > 0 ? ` (${[...executors.values()].map(shortAddress).join(', ')})` : ''}`,
          ],
          ['verified offline', report.ok ? out.style.green('yes') : out.style.red('no')],
          ...(response.dissent?.length ? ([['dissent', String(response.dissent.length)]] as [string, string][]) : []),
        ]),
      );
      out.line(
        fields(
          [
            ['request id', response.requestId],
            ['model id', response.modelId],
          ],
          '',
        ),
      );
      if (options.output) out.line(`saved to ${options.output}`);
      if (!report.ok) {
        for (const check of failed) context.io.stderr.write(`${formatCheck(check, out.style)}\n`);
        throw invalid();
      }
    });
}
