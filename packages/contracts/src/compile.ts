/**
 * Compiles the Solidity sources with solc from npm (solcjs, offline) and renders `artifacts.ts`.
 * Used by scripts/build.ts and by the test that checks the committed artifacts equal a fresh compile.
 * Not exported from the package entry: it needs the compiler, a dev dependency.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sourcesDir = join(packageDir, 'contracts');
export const artifactsPath = join(packageDir, 'src', 'artifacts.ts');

/** The contracts the package exports, in deployment order. */
export const contractNames = [
  'VerityToken',
  'ModelRegistry',
  'NodeRegistry',
  'ReceiptRegistry',
  'ExampleConsumer',
  'BatchSettlement',
  'Multicall3',
  'FeeSplitter',
  'Disputes',
] as const;
export type ContractName = (typeof contractNames)[number];

/** Pinned so that a given source always gives the same bytecode (the drift test relies on it). */
export const compilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  // Cancun: supported by every major EVM chain and rollup; anvil runs a later fork, which is compatible.
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
} as const;

export interface CompiledContract {
  abi: unknown[];
  bytecode: `0x${string}`;
}

export interface CompileOutput {
  solcVersion: string;
  contracts: Record<ContractName, CompiledContract>;
}

interface SolcMessage {
  severity: 'error' | 'warning' | 'info';
  formattedMessage: string;
}

interface SolcOutput {
  errors?: SolcMessage[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

function readImport(path: string): { contents: string } | { error: string } {
  try {
    if (path.startsWith('@openzeppelin/contracts/')) {
      const root = dirname(require.resolve('@openzeppelin/contracts/package.json'));
      return { contents: readFileSync(join(root, path.slice('@openzeppelin/contracts/'.length)), 'utf8') };
    }
    if (path.startsWith('contracts/') && !path.includes('..')) return { contents: readFileSync(join(packageDir, path), 'utf8') };
    return { error: `import not allowed: ${path}` };
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
}

export function compile(): CompileOutput {
  const solc = require('solc') as { version(): string; compile(input: string, callbacks: object): string };
  const files = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.sol'))
    .sort();
  const sources: Record<string, { content: string }> = {};
  for (const file of files) sources[`contracts/${file}`] = { content: readFileSync(join(sourcesDir, file), 'utf8') };
  const input = { language: 'Solidity', sources, settings: compilerSettings };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport })) as SolcOutput;
  const messages = output.errors ?? [];
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const warnings = messages.filter((m) => m.severity === 'warning');
  if (warnings.length > 0) throw new Error(`solc warnings (fix them):\n${warnings.map((e) => e.formattedMessage).join('\n')}`);

  const contracts = {} as Record<ContractName, CompiledContract>;
  for (const name of contractNames) {
    const compiled = output.contracts?.[`contracts/${name}.sol`]?.[name];
    if (!compiled) throw new Error(`contracts/${name}.sol did not produce contract ${name}`);
    contracts[name] = { abi: compiled.abi, bytecode: `0x${compiled.evm.bytecode.object}` };
  }
  return { solcVersion: solc.version(), contracts };
}

/** The text of src/artifacts.ts for a compile output. */
export function renderArtifacts(output: CompileOutput): string {
  const lines = [
    '// GENERATED FILE, DO NOT EDIT. Written by `npm run build -w @verity/contracts` (scripts/build.ts)',
    `// from contracts/*.sol with solc ${output.solcVersion}, optimizer on (200 runs), EVM ${compilerSettings.evmVersion}.`,
    '// test/artifacts.test.ts fails when this file differs from a fresh compile of the sources.',
    '',
    `export const solcVersion = '${output.solcVersion}';`,
    '',
  ];
  for (const name of contractNames) {
    const { abi, bytecode } = output.contracts[name];
    lines.push(
      `export const ${name} = {`,
      `  contractName: '${name}',`,
      `  abi: ${JSON.stringify(abi, null, 2).replace(/\n/g, '\n  ')},`,
      `  bytecode: '${bytecode}',`,
      '} as const;',
      '',
    );
  }
  lines.push(`export const artifacts = { ${contractNames.join(', ')} } as const;`, '');
  return lines.join('\n');
}
