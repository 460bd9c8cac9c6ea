/**
 * `npm start`: the whole network on loopback (three nodes with their own operator keys, a router on
 * 127.0.0.1:7070), the demo model published and spread, one verified inference with replicate:3, then serving
 * until Ctrl-C, which stops every process started here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalNetwork, repoRoot } from '@verity/devnet';
import { createClient } from '@verity/sdk';

const demo = JSON.parse(readFileSync(join(repoRoot, 'models/iris.json'), 'utf8')) as {
  name: string;
  version: string;
  classes: string[];
  example: Record<string, never>;
};

const routerPort = Number(process.env.VERITY_ROUTER_PORT ?? 7070);
const nodeBasePort = Number(process.env.VERITY_NODE_BASE_PORT ?? 7071);
const dataDir = join(repoRoot, '.verity/devnet');

console.log('Starting a local Verity network: 3 nodes and a router…');
const network = await LocalNetwork.start({
  nodes: 3,
  routerPort,
  nodeBasePort,
  dataDir,
  log: (source, line) => console.error(`[${source}] ${line}`),
});
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the network…');
  await network.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  for (const node of network.nodes) console.log(`  node ${node.index + 1}  ${node.url}  operator ${node.address}`);
  console.log(`  router  ${network.routerUrl}`);

  const client = createClient({ url: network.routerUrl });
  const model = await client.pushModel(join(repoRoot, 'models/iris.onnx'), { name: demo.name, version: demo.version });
  console.log(`\nPublished ${model.name}@${model.version} (${model.modelId}) on ${model.nodes?.length ?? 1} node(s).`);

  const response = await client.infer({ model: `${demo.name}@${demo.version}`, inputs: demo.example, policy: 'replicate:3' });
  const label = Number((response.outputs.label?.data as number[] | undefined)?.[0]);
  const responsePath = join(dataDir, 'demo-response.json');
  writeFileSync(responsePath, `${JSON.stringify(response, null, 2)}\n`);
  console.log(`\nDemo inference, policy replicate:3: predicted "${demo.classes[label] ?? label}"`);
  console.log(`  probabilities ${JSON.stringify(response.outputs.probabilities?.data)}`);
  console.log(`  ${response.receipts.length} receipts from distinct operators agree; verified offline by the SDK.`);
  for (const receipt of response.receipts) console.log(`    signed by ${receipt.typedData.message.executor}`);
  console.log(`\nCheck it yourself:
  npm run verity -- receipt verify ${responsePath}
  npm run verity -- infer iris --input '{"x": {"dtype": "float32", "shape": [1,4], "data": [6.7,3.0,5.2,2.3]}}' --policy replicate:3
  curl -s ${network.routerUrl}/v1/models

Serving on ${network.routerUrl}. Press Ctrl-C to stop.`);
} catch (error) {
  console.error('Demo failed:', error);
  await stop(1);
}
