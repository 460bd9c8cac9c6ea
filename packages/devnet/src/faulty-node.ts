/**
 * The devnet's faulty node: `tsx packages/devnet/src/faulty-node.ts <fault> <node options…>` runs the node's own
 * command-line program (as packages/node/src/main.ts does) with a fault injected from @verity/fixtures
 * ('wrong-output': signs wrong answers; 'drop-stream': cuts streamed answers after their first piece). TEST ONLY:
 * LocalNetwork starts it for the nodes its `faults` option names.
 */
import { type Fault, faultInjection, faults } from '@verity/fixtures';
import { runNodeCli } from '@verity/node';

const [runtime = process.execPath, script = '', fault, ...args] = process.argv;
if (!faults.includes(fault as Fault)) {
  process.stderr.write(`faulty-node: the first argument must be the fault (${faults.join(' or ')}), got "${fault ?? ''}"\n`);
  process.exit(2);
}
const injection = faultInjection(fault as Fault);

runNodeCli([runtime, script, ...args], injection.parts).then(
  (node) => {
    // In the same turn as the listening line was written: no request can have been read yet.
    injection.started(node);
    process.stderr.write(`${JSON.stringify({ event: 'fault-injection-on', time: new Date().toISOString(), fault })}\n`);
  },
  (error: unknown) => {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`${JSON.stringify({ event: 'start-failed', time: new Date().toISOString(), reason })}\n`);
    process.exit(1);
  },
);
