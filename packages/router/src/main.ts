/**
 * Process entry of a router:
 *   `tsx packages/router/src/main.ts --port 7070 --deployment .verity/devnet/deployment.json [--rpc-url <url>]`
 * reads the node set from the chain; `--nodes http://127.0.0.1:7071,...` routes to a fixed list instead.
 */
import { readDeployment } from '@verity/chain';
import { Command } from 'commander';
import { defaultRouterOptions, type RouterStartOptions } from './options.js';
import { startRouter } from './server.js';

const program = new Command('verity-router')
  .description('Route Protocol v1 requests across Verity nodes: the active staked nodes on chain, or a fixed list')
  .option('--host <host>', 'address to listen on', defaultRouterOptions.host)
  .option('--port <port>', 'port to listen on (0 = any free port)', String(defaultRouterOptions.port))
  .option('--deployment <file>', 'deployment file (contract addresses): read the node set from the chain')
  .option('--rpc-url <url>', "JSON-RPC URL of the chain (default: the deployment file's rpcUrl)")
  .option('--nodes <urls>', 'comma-separated base URLs of the nodes, when there is no chain')
  .option('--data-dir <dir>', 'where the router keeps its records')
  .option('--timeout-ms <ms>', 'per-attempt timeout of a request to a node', String(defaultRouterOptions.requestTimeoutMs))
  .option(
    '--payments',
    'charge for answers with x402 at the prices on chain (needs --deployment and the key in VERITY_ROUTER_KEY)',
  )
  .option('--price-wei <wei>', 'the least an executor answer costs, in token base units (implies --payments)', '0')
  .option('--fee-splitter <address>', "the FeeSplitter the payment channels pay into (default: the deployment's)")
  .option('--no-claim-charges', "leave claiming the executors' fee shares to them (`verity node claim`)")
  .option('--claim-interval-ms <ms>', 'how often committed vouchers are claimed and settled on chain', '30000')
  .option(
    '--refresh-ms <ms>',
    'how often the node set, health and models are refreshed',
    String(defaultRouterOptions.refreshIntervalMs),
  )
  .parse();

const flags = program.opts<{
  host: string;
  port: string;
  nodes?: string;
  deployment?: string;
  rpcUrl?: string;
  dataDir?: string;
  timeoutMs: string;
  refreshMs: string;
  payments?: boolean;
  claimCharges: boolean;
  priceWei: string;
  feeSplitter?: string;
  claimIntervalMs: string;
}>();

function usage(message: string): never {
  process.stderr.write(`verity-router: ${message}\n`);
  process.exit(2);
}

const options: RouterStartOptions = {
  host: flags.host,
  port: Number(flags.port),
  requestTimeoutMs: Number(flags.timeoutMs),
  refreshIntervalMs: Number(flags.refreshMs),
  ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
};
if (flags.deployment) {
  try {
    options.deployment = readDeployment(flags.deployment);
  } catch (error) {
    usage((error as Error).message);
  }
  if (flags.rpcUrl) options.rpcUrl = flags.rpcUrl;
  if (flags.nodes) process.stderr.write('verity-router: --nodes is ignored: the node set comes from the chain (--deployment)\n');
} else if (flags.rpcUrl) {
  usage('--rpc-url needs --deployment <file> (the contracts to read the nodes from)');
} else if (flags.nodes) {
  options.nodes = flags.nodes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
} else {
  usage('give --deployment <file> (nodes from the chain) or --nodes <urls>');
}

if (!/^\d{1,30}$/.test(flags.priceWei)) usage('--price-wei must be a whole number of token base units');
if (flags.payments || BigInt(flags.priceWei) > 0n) {
  const key = process.env.VERITY_ROUTER_KEY;
  // Read once, then dropped from the environment, so no child process or crash dump of the environment carries it.
  delete process.env.VERITY_ROUTER_KEY;
  if (!options.deployment) usage('--payments needs --deployment <file> (the chain the payment channels live on)');
  if (!key || !/^0x[0-9a-fA-F]{64}$/.test(key))
    usage('--payments needs the router key in VERITY_ROUTER_KEY (0x and 64 hex digits)');
  options.payments = {
    privateKey: key as `0x${string}`,
    minPricePerAnswer: BigInt(flags.priceWei),
    claimIntervalMs: Number(flags.claimIntervalMs),
    claimCharges: flags.claimCharges,
    ...(flags.feeSplitter ? { feeSplitter: flags.feeSplitter as `0x${string}` } : {}),
  };
}

const router = await startRouter(options).catch((error: unknown) => {
  // A configuration the router cannot run with (e.g. an RPC serving another chain than the deployment's).
  process.stderr.write(`verity-router: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
process.stdout.write(`${JSON.stringify({ event: 'listening', url: router.url })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await router.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
