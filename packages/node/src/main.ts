/**
 * The node as a process: `tsx packages/node/src/main.ts --port 7071 --data-dir .verity/node-1`, the operator key
 * from VERITY_NODE_KEY. Prints one JSON "listening" line on stdout for launchers; logs go to stderr. With
 * `--rpc-url` and `--deployment <file>` it joins the chain: registers and stakes, heartbeats, settles receipts.
 */
import { runNodeCli } from './cli.js';
import { describeError, logEvent } from './log.js';

runNodeCli(process.argv).catch((error: unknown) => {
  logEvent('start-failed', { reason: describeError(error) });
  process.exit(1);
});
