import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifacts, solcVersion } from '../src/index.js';
import { artifactsPath, compile, contractNames, renderArtifacts } from '../src/compile.js';

describe('generated artifacts', () => {
  it('equal a fresh compile of the sources (run `npm run build -w @verity/contracts` when this fails)', () => {
    const fresh = renderArtifacts(compile());
    expect(readFileSync(artifactsPath, 'utf8') === fresh).toBe(true);
  });

  it('export an ABI and deployable bytecode per contract, built with the pinned solc', () => {
    expect(solcVersion).toMatch(/^0\.8\.30\+commit\./);
    expect(Object.keys(artifacts)).toEqual([...contractNames]);
    for (const name of contractNames) {
      const artifact = artifacts[name];
      expect(artifact.contractName).toBe(name);
      expect(artifact.bytecode).toMatch(/^0x(?:[0-9a-f]{2})+$/);
      // EIP-170: deployed code at most 24,576 bytes; the init code is a bound on it.
      expect((artifact.bytecode.length - 2) / 2).toBeLessThan(24_576);
      expect(artifact.abi.length).toBeGreaterThan(0);
    }
  });

  it('gives every revert path a custom error (no require strings in the sources)', () => {
    for (const name of contractNames) {
      const source = readFileSync(new URL(`../contracts/${name}.sol`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/\brequire\s*\(/);
      expect(source).not.toMatch(/revert\s*\(\s*"/);
    }
  });
});
