/** Process entry of a router: `tsx packages/router/src/main.ts --port 7070 --nodes http://127.0.0.1:7071,...`. */
import { Command } from 'commander';
import { defaultRouterOptions } from './options.js';
import { startRouter } from './server.js';

const program = new Command('verity-router')
  .description('Route Protocol v1 requests across Verity nodes')
  .option('--host <host>', 'address to listen on', defaultRouterOptions.host)
  .option('--port <port>', 'port to listen on (0 = any free port)', String(defaultRouterOptions.port))
  .requiredOption('--nodes <urls>', 'comma-separated base URLs of the nodes')
  .option('--data-dir <dir>', 'where the router keeps its records')
  .option('--timeout-ms <ms>', 'per-attempt timeout of a request to a node', String(defaultRouterOptions.requestTimeoutMs))
  .parse();

const flags = program.opts<{ host: string; port: string; nodes: string; dataDir?: string; timeoutMs: string }>();
const router = await startRouter({
  host: flags.host,
  port: Number(flags.port),
  nodes: flags.nodes.split(',').map((s) => s.trim()).filter(Boolean),
  requestTimeoutMs: Number(flags.timeoutMs),
  ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
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
