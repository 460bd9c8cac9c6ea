/**
 * `verity dispute equivocation <a> <b>`: two saved answers (or receipts) in which one executor signed different
 * outputs for the same request prove fraud on their own: the Disputes contract slashes that executor's whole stake
 * and pays the reporter (signed with VERITY_KEY) the slash reward.
 */
import { AnswerReceiptsSchema, type SignedReceipt, SignedReceiptSchema, findEquivocation } from '@verity/protocol';
import { Command } from 'commander';
import { formatVrt } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields } from '../format.js';
import { UsageError } from '../output.js';

/** The receipts of a saved file: an answer (infer, chat or completion, stored or not) or one signed receipt. */
async function receiptsIn(context: Context, path: string): Promise<SignedReceipt[]> {
  const text = await context.readText(path, 'answer file');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const single = SignedReceiptSchema.safeParse(value);
  if (single.success) return [single.data];
  const answer = AnswerReceiptsSchema.safeParse(value);
  if (answer.success && answer.data.receipts.length > 0) return answer.data.receipts;
  throw new UsageError(`${path} holds no receipt: give a saved answer (infer, chat or completion) or a signed receipt`);
}

export function disputeEquivocationCommand(context: Context): Command {
  return new Command('equivocation')
    .summary('slash an executor that signed two answers to one request (signs with $VERITY_KEY)')
    .description(
      `slash an executor that signed different outputs for the same request (requestId, model, inputHash): the Disputes contract checks both signatures, takes its whole stake and pays you the slash reward. ${keyNote}`,
    )
    .argument('<first>', 'a saved answer or receipt')
    .argument('<second>', 'another saved answer or receipt, from the same executor for the same request')
    .addHelpText(
      'after',
      examples([
        ['VERITY_KEY=0x… verity dispute equivocation answer-1.json answer-2.json --deployment deployment.json'],
        ['verity dispute equivocation a.json b.json --json', 'the executor, request, stake slashed and transaction'],
      ]),
    )
    .action(async (first: string, second: string, _options: unknown, command: Command) => {
      const { out, chainClient } = context.session(command);
      const pair = findEquivocation(await receiptsIn(context, first), await receiptsIn(context, second));
      if (!pair) {
        throw new UsageError(
          'no equivocation between the two files: no pair of receipts names one executor, the same requestId, model and inputHash, and different outputs',
        );
      }
      const { client } = await chainClient({ key: 'required', why: 'dispute equivocation' });
      const result = await client.reportEquivocation({ receipts: pair });
      if (out.json) return out.result(result);
      out.line(`${out.style.green('slashed')} ${result.executor}`);
      out.line(
        fields([
          ['request', result.requestId],
          ['stake taken', formatVrt(result.slashedWei)],
          ['tx', result.txHash],
        ]),
      );
    });
}
