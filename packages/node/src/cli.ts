/**
 * The node's command-line program: `runNodeCli` parses the options, starts the node and stops it on a signal. main.ts
 * runs it as the process; a launcher may run it with other engines (NodeParts).
 */
import type { Deployment } from '@verity/chain';
import { Command, InvalidArgumentError } from 'commander';
import type { Hex } from '@verity/protocol';
import { type NodeParts, type RunningNode, startNode } from './app.js';
import { describeError, logEvent } from './log.js';
import { parseRelaySpec } from './relay.js';
import { type NodePaymentOptions, type NodeStartOptions, defaultNodeOptions, defaultNodePort } from './options.js';

const keyVariable = 'VERITY_NODE_KEY';
/** How long a stop waits for in-flight requests before giving up on them. */
const shutdownGraceMs = 30_000;

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

function decimal(value: string): string {
  if (!/^\d{1,78}$/.test(value)) throw new InvalidArgumentError('must be a decimal integer (wei)');
  return value;
}

/** The node's command line (a fresh program per run: commander keeps the parsed values on it). */
function nodeProgram(): Command {
  return new Command()
    .name('verity-node')
    .description(`Runs a Verity compute node. The operator key is read from the ${keyVariable} environment variable.`)
    .requiredOption('--data-dir <dir>', 'directory for node.sqlite and the blob store')
    .option('--port <port>', 'port to listen on (0 picks a free one)', integer('port', 0, 65535), defaultNodePort)
    .option('--host <host>', 'address to listen on', defaultNodeOptions.host)
    .option('--fee-wei <wei>', 'fee per answer, in wei', decimal, defaultNodeOptions.feeWei)
    .option(
      '--input-token-fee-wei <wei>',
      "fee per prompt token of a language model's answer, in wei (added to --fee-wei)",
      decimal,
      defaultNodeOptions.inputTokenFeeWei,
    )
    .option(
      '--output-token-fee-wei <wei>',
      "fee per generated token of a language model's answer, in wei (added to --fee-wei)",
      decimal,
      defaultNodeOptions.outputTokenFeeWei,
    )
    .option(
      '--chain-id <id>',
      "chainId of the receipts' EIP-712 domain",
      integer('chain id', 1, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.chainId,
    )
    .option(
      '--body-limit-bytes <n>',
      'largest JSON body accepted',
      integer('body limit', 1, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.bodyLimitBytes,
    )
    .option(
      '--max-model-bytes <n>',
      'largest model file accepted',
      integer('model limit', 1, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.maxModelBytes,
    )
    .option(
      '--max-store-bytes <n>',
      'quota of the blob store (stored blobs plus uploads in progress); at least --max-model-bytes',
      integer('store quota', 1, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.maxStoreBytes,
    )
    .option(
      '--blob-grace-ms <ms>',
      'how long a blob no registered model uses is kept after its last use before it is deleted',
      integer('blob grace', 0, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.blobGraceMs,
    )
    .option(
      '--max-models <n>',
      'most name@version registrations served (beyond it POST /v1/models is refused)',
      integer('model count', 1, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.maxModels,
    )
    .option(
      '--max-names-per-model <n>',
      'most name@version registrations of one model file',
      integer('names per model', 1, Number.MAX_SAFE_INTEGER),
      defaultNodeOptions.maxNamesPerModel,
    )
    .option('--rpc-url <url>', "JSON-RPC URL of the chain (chain mode; default: the deployment file's)")
    .option('--deployment <file>', 'deployment file naming the contracts (chain mode)')
    .option('--endpoint <url>', 'public base URL announced on chain (default: the URL the node listens on)')
    .option('--stake-wei <wei>', "stake to keep, in wei (default: the registry's minimum)", decimal)
    .option(
      '--heartbeat-interval-ms <ms>',
      'time between heartbeats',
      integer('heartbeat interval', 1, 2 ** 31 - 1),
      defaultNodeOptions.heartbeatIntervalMs,
    )
    .option(
      '--epoch-max-receipts <n>',
      'receipts after which an epoch closes',
      integer('epoch size', 1, 0xffff_ffff),
      defaultNodeOptions.epochMaxReceipts,
    )
    .option(
      '--epoch-max-age-ms <ms>',
      'age of its first receipt at which an epoch closes',
      integer('epoch age', 1, 2 ** 31 - 1),
      defaultNodeOptions.epochMaxAgeMs,
    )
    .option(
      '--relay <name=baseUrl#model>',
      'serve <name>@relay by relaying to an upstream OpenAI-compatible server (repeatable; the key, if any, from VERITY_RELAY_API_KEY); its receipts say "relay"',
      (spec: string, previous: string[] = []) => [...previous, spec],
    )
    .option('--payments', 'charge for answers with x402 (needs --deployment): direct clients pay, listed routers do not')
    .option(
      '--router <addresses>',
      'routers served without a payment (comma-separated operator addresses)',
      (value: string, previous: string[]) => [
        ...previous,
        ...value
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      ],
      [] as string[],
    )
    .option('--fee-splitter <address>', "the FeeSplitter this node's channels pay into (default: its own, deployed once)")
    .option(
      '--claim-interval-ms <ms>',
      'how often vouchers and charges are claimed on chain',
      integer('--claim-interval-ms', 100, 86_400_000),
    )
    .option(
      '--peer-source <urls>',
      'base URL of a peer this node may fetch blobs from, besides the staked nodes on chain (repeatable or comma-separated)',
      (value: string, previous: string[]) => [
        ...previous,
        ...value
          .split(',')
          .map((url) => url.trim())
          .filter(Boolean),
      ],
      [] as string[],
    )
    .option('--allow-private-peers', 'fetch blobs from loopback and private addresses too (a devnet, a private cluster)');
}

interface CliOptions {
  dataDir: string;
  port: number;
  host: string;
  feeWei: string;
  inputTokenFeeWei: string;
  outputTokenFeeWei: string;
  chainId: number;
  bodyLimitBytes: number;
  maxModelBytes: number;
  maxStoreBytes: number;
  blobGraceMs: number;
  maxModels: number;
  maxNamesPerModel: number;
  rpcUrl?: string;
  deployment?: string;
  endpoint?: string;
  stakeWei?: string;
  heartbeatIntervalMs: number;
  epochMaxReceipts: number;
  epochMaxAgeMs: number;
  relay?: string[];
  payments?: boolean;
  router: string[];
  feeSplitter?: string;
  claimIntervalMs?: number;
  peerSource: string[];
  allowPrivatePeers?: boolean;
}

/** The deployment named by --deployment, or exit 2 with the reason. */
async function loadDeployment(path: string): Promise<Deployment> {
  // Imported here: a chainless node need not load the chain client.
  const { readDeployment } = await import('@verity/chain');
  try {
    return readDeployment(path);
  } catch (error) {
    process.stderr.write(`verity-node: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

/** --payments' options, or exit 2 naming the malformed address. */
function paymentOptions(cli: CliOptions): NodePaymentOptions {
  for (const address of [...cli.router, ...(cli.feeSplitter ? [cli.feeSplitter] : [])]) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) {
      process.stderr.write(`verity-node: "${address}" is not an address (0x and 40 hex digits)\n`);
      process.exit(2);
    }
  }
  return {
    routers: cli.router as Hex[],
    ...(cli.feeSplitter ? { feeSplitter: cli.feeSplitter as Hex } : {}),
    ...(cli.claimIntervalMs ? { claimIntervalMs: cli.claimIntervalMs } : {}),
  };
}

/**
 * Runs the node as a process with the command line `argv` (process.argv's shape: the runtime and the script first):
 * reads the key from VERITY_NODE_KEY, exits 2 on bad usage, starts the node with `parts` (see NodeParts; a function
 * gets the options the command line gave), prints the "listening" line, and stops gracefully on SIGTERM or SIGINT.
 * Returns the running node; main.ts is this with process.argv and the default parts.
 */
export async function runNodeCli(
  argv: readonly string[] = process.argv,
  parts?: NodeParts | ((options: NodeStartOptions) => NodeParts),
): Promise<RunningNode> {
  const program = nodeProgram().parse(argv);
  const cli = program.opts<CliOptions>();
  const privateKey = process.env[keyVariable];
  // Not inherited by anything this process starts.
  delete process.env[keyVariable];
  if (!privateKey || !/^0x[0-9a-fA-F]{64}$/.test(privateKey)) {
    process.stderr.write(`verity-node: set ${keyVariable} to the operator key (0x followed by 64 hex digits)\n`);
    process.exit(2);
  }
  for (const [flag, value] of [
    ['--rpc-url', cli.rpcUrl],
    ['--endpoint', cli.endpoint],
    ['--stake-wei', cli.stakeWei],
    ['--payments', cli.payments],
  ] as const) {
    if (value !== undefined && cli.deployment === undefined) {
      process.stderr.write(`verity-node: ${flag} needs --deployment <file> (the contracts to use)\n`);
      process.exit(2);
    }
  }
  const deployment = cli.deployment === undefined ? undefined : await loadDeployment(cli.deployment);
  const chain: Partial<NodeStartOptions> = deployment
    ? {
        deployment,
        rpcUrl: cli.rpcUrl ?? deployment.rpcUrl,
        ...(cli.endpoint !== undefined ? { endpoint: cli.endpoint } : {}),
        ...(cli.stakeWei !== undefined ? { stakeWei: cli.stakeWei } : {}),
      }
    : {};
  const options: NodeStartOptions = {
    ...chain,
    dataDir: cli.dataDir,
    privateKey: privateKey as Hex,
    host: cli.host,
    port: cli.port,
    feeWei: cli.feeWei,
    inputTokenFeeWei: cli.inputTokenFeeWei,
    outputTokenFeeWei: cli.outputTokenFeeWei,
    // In chain mode the deployment names the chain; --chain-id, when given, must agree with it.
    ...(deployment && program.getOptionValueSource('chainId') === 'default' ? {} : { chainId: cli.chainId }),
    bodyLimitBytes: cli.bodyLimitBytes,
    maxModelBytes: cli.maxModelBytes,
    maxStoreBytes: cli.maxStoreBytes,
    blobGraceMs: cli.blobGraceMs,
    maxModels: cli.maxModels,
    maxNamesPerModel: cli.maxNamesPerModel,
    heartbeatIntervalMs: cli.heartbeatIntervalMs,
    epochMaxReceipts: cli.epochMaxReceipts,
    epochMaxAgeMs: cli.epochMaxAgeMs,
    peerSources: cli.peerSource,
    allowPrivatePeers: cli.allowPrivatePeers === true,
    ...(cli.payments ? { payments: paymentOptions(cli) } : {}),
    ...(cli.relay
      ? {
          relays: cli.relay.map((spec) => ({
            ...parseRelaySpec(spec),
            ...(process.env.VERITY_RELAY_API_KEY ? { apiKey: process.env.VERITY_RELAY_API_KEY } : {}),
          })),
        }
      : {}),
  };
  const node = await startNode(options, typeof parts === 'function' ? parts(options) : parts);
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: node.url, address: node.address })}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now": skip the graceful path.
      process.exit(1);
    }
    stopping = true;
    logEvent('stopping', { signal });
    setTimeout(() => {
      logEvent('stop-timed-out', { graceMs: shutdownGraceMs });
      process.exit(1);
    }, shutdownGraceMs).unref();
    node.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logEvent('stop-failed', { reason: describeError(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return node;
}
