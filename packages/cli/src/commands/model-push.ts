/**
 * `verity model push <file>`: upload a model file (with a progress bar) and register it as name@version. With a
 * deployment (--deployment) and a key (VERITY_KEY), the version is first published on chain (ModelRegistry).
 */
import { stat } from 'node:fs/promises';
import type { PushModelParameters } from '@verity/sdk';
import { Command, Option } from 'commander';
import { parseWei } from '../amounts.js';
import { type Context, env } from '../context.js';
import { examples, fields, formatBytes, formatPrice } from '../format.js';
import { UsageError } from '../output.js';

interface PushOptions {
  name: string;
  version: string;
  format?: 'onnx' | 'gguf';
  description?: string;
  license?: string;
  priceWei?: string;
  inputTokenPriceWei?: string;
  outputTokenPriceWei?: string;
  royaltyBps?: string;
}

export function modelPushCommand(context: Context): Command {
  return new Command('push')
    .description('upload a model file and register it as <name>@<version>')
    .argument('<file>', 'the model file (.onnx or .gguf)')
    .requiredOption('--name <name>', 'model name')
    .requiredOption('--version <version>', 'version of this file, e.g. 1 or 2024-06-01')
    .addOption(new Option('--format <format>', 'model format (default: from the file extension)').choices(['onnx', 'gguf']))
    .option('--description <text>', 'what the model does (part of the on-chain metadata hash)')
    .option('--license <license>', 'license of the model file, e.g. MIT')
    .option('--price-wei <wei>', 'on chain: price per answer, in wei of VRT', '0')
    .option('--input-token-price-wei <wei>', "on chain: a language model's price per prompt token, in wei of VRT", '0')
    .option('--output-token-price-wei <wei>', "on chain: a language model's price per generated token, in wei of VRT", '0')
    .option('--royalty-bps <bps>', "on chain: the publisher's share of each fee, in basis points (0-10000)", '0')
    .addHelpText(
      'after',
      examples([
        ['verity model push ./mlp.onnx --name mlp --version 1'],
        ['verity model push ./model.bin --name llm --version 2 --format gguf', 'extension does not say the format'],
        [
          'VERITY_KEY=0x… verity model push ./mlp.onnx --name mlp --version 1 --deployment deployment.json --royalty-bps 500',
          'publish on chain first (ModelRegistry), signed with $VERITY_KEY',
        ],
        [
          'verity model push ./chat.gguf --name chat --version 1 --input-token-price-wei 1000000000000 --output-token-price-wei 2000000000000',
          'a language model priced per token',
        ],
        ['verity model push ./mlp.onnx --name mlp --version 1 --json', 'print the registered model entry'],
      ]),
    )
    .action(async (file: string, options: PushOptions, command: Command) => {
      const session = context.session(command);
      const { out } = session;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new UsageError(`no such file: ${file}`);
      const prices = {
        priceWei: parseWei(options.priceWei ?? '0', '--price-wei'),
        inputTokenPriceWei: parseWei(options.inputTokenPriceWei ?? '0', '--input-token-price-wei'),
        outputTokenPriceWei: parseWei(options.outputTokenPriceWei ?? '0', '--output-token-price-wei'),
      };
      const royaltyBps = Number(options.royaltyBps ?? '0');
      if (!Number.isInteger(royaltyBps) || royaltyBps < 0 || royaltyBps > 10_000)
        throw new UsageError('--royalty-bps must be a whole number from 0 to 10000');
      // With a deployment, the key decides: set, the version is published on chain first; unset, it is not.
      const chain = session.hasChain ? await session.chainClient({ key: 'optional', why: 'model push' }) : undefined;
      const verity = chain ? chain.client : session.client();
      if (chain && !chain.chain.hasKey && !out.json) {
        context.io.stderr.write(`note: not published on chain (${env.key} is not set); registering on the network only\n`);
      }
      const parameters: Omit<PushModelParameters, 'path'> = {
        name: options.name,
        version: options.version,
        ...(options.format ? { format: options.format } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.license !== undefined ? { license: options.license } : {}),
        ...prices,
        royaltyBps,
      };
      const progress = out.progress('uploading');
      let entry: Awaited<ReturnType<typeof verity.pushModel>>;
      try {
        entry = await verity.pushModel(file, { ...parameters, onProgress: (sent, total) => progress.update(sent, total) });
      } finally {
        progress.stop();
      }
      if (out.json) return out.result(entry);
      if (entry.published) {
        const { published } = entry;
        out.line(
          `${out.style.green(published.alreadyPublished ? 'already on chain' : 'published on chain')} ${published.name}@${published.version}` +
            (published.txHash ? ` (tx ${published.txHash})` : ''),
        );
      }
      out.line(`${out.style.green('registered')} ${entry.name}@${entry.version}`);
      out.line(
        fields([
          ['model id', entry.modelId],
          ['format', entry.format],
          ['size', formatBytes(entry.size)],
          ['engine', entry.engine],
          ...(entry.published
            ? ([
                ['publisher', entry.published.publisher],
                ['price', `${formatPrice(entry.published)} wei`],
              ] as [string, string][])
            : []),
        ]),
      );
    });
}
