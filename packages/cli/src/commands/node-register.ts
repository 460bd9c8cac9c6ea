/** `verity node register`: registers this operator's node on chain, staking VRT (signed with VERITY_KEY). */
import { type Hex, bytes32Pattern } from '@verity/protocol';
import { Command } from 'commander';
import { formatVrt, parseVrt, parseWei } from '../amounts.js';
import { type Context, keyNote } from '../context.js';
import { examples, fields, formatPrice, shortHex } from '../format.js';
import { UsageError } from '../output.js';

interface RegisterOptions {
  endpoint: string;
  stake: string;
  priceWei: string;
  inputTokenPriceWei: string;
  outputTokenPriceWei: string;
  models?: string;
}

export function nodeRegisterCommand(context: Context): Command {
  return new Command('register')
    .summary("register this operator's node, staking VRT (signs with $VERITY_KEY)")
    .description(`register this operator's node on chain, staking VRT. ${keyNote}`)
    .requiredOption('--endpoint <url>', "the node's public base URL")
    .requiredOption('--stake <VRT>', 'VRT to stake (at least the minimum stake), e.g. 100')
    .option('--price-wei <wei>', 'price per answer, in wei', '0')
    .option('--input-token-price-wei <wei>', "price per prompt token of a language model's answer, in wei", '0')
    .option('--output-token-price-wei <wei>', "price per generated token of a language model's answer, in wei", '0')
    .option('--models <ids>', 'comma-separated model ids (0x..) the node serves; they must be published on chain')
    .addHelpText(
      'after',
      examples([
        ['VERITY_KEY=0x… verity node register --endpoint http://203.0.113.7:7071 --stake 100 --deployment deployment.json'],
        ['verity node register --endpoint https://node.example.com --stake 250 --price-wei 1000000000000', 'priced per answer'],
        [
          'verity node register --endpoint https://node.example.com --stake 250 --input-token-price-wei 100000000000 --output-token-price-wei 200000000000',
          'language models priced per token',
        ],
        ['verity node register --endpoint http://127.0.0.1:7071 --stake 100 --json'],
      ]),
    )
    .action(async (options: RegisterOptions, command: Command) => {
      const { out, chainClient } = context.session(command);
      const stakeWei = parseVrt(options.stake, '--stake');
      const prices = {
        priceWei: parseWei(options.priceWei, '--price-wei'),
        inputTokenPriceWei: parseWei(options.inputTokenPriceWei, '--input-token-price-wei'),
        outputTokenPriceWei: parseWei(options.outputTokenPriceWei, '--output-token-price-wei'),
      };
      const modelIds = (options.models ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const id of modelIds)
        if (!bytes32Pattern.test(id)) throw new UsageError(`--models: "${id}" is not 0x and 64 hex digits`);
      const { client } = await chainClient({ key: 'required', why: 'node register' });
      const result = await client.registerNode({ endpoint: options.endpoint, stakeWei, ...prices, modelIds: modelIds as Hex[] });
      if (out.json)
        return out.result({ ...result, endpoint: options.endpoint.replace(/\/+$/, ''), stakeWei, ...prices, modelIds });
      out.line(`${out.style.green('registered')} ${result.operator}`);
      out.line(
        fields([
          ['endpoint', options.endpoint.replace(/\/+$/, '')],
          ['stake', formatVrt(stakeWei)],
          ['price', `${formatPrice(prices)} wei per answer`],
          ['models', modelIds.length === 0 ? 'none yet' : modelIds.map((id) => shortHex(id)).join(', ')],
          ['tx', result.txHash],
        ]),
      );
    });
}
