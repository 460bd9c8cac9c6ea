/** Compiles contracts/*.sol and writes src/artifacts.ts (run: npm run build -w @verity/contracts). */
import { writeFileSync } from 'node:fs';
import { artifactsPath, compile, renderArtifacts } from '../src/compile.js';

const started = performance.now();
const output = compile();
writeFileSync(artifactsPath, renderArtifacts(output));
const sizes = Object.entries(output.contracts).map(([name, c]) => `${name} ${(c.bytecode.length - 2) / 2} B`);
console.log(
  `wrote ${artifactsPath} (solc ${output.solcVersion}, ${Math.round(performance.now() - started)} ms): ${sizes.join(', ')}`,
);
