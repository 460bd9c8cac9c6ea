import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChainError, type Deployment, readDeployment, writeDeployment } from '../src/index.js';

const deployment: Deployment = {
  chainId: 31337,
  rpcUrl: 'http://127.0.0.1:8545',
  contracts: {
    token: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    modelRegistry: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    nodeRegistry: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    receiptRegistry: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
  },
  deployedAt: '2026-05-08T07:50:55.527Z',
  deployBlock: 1,
};

describe('deployment file', () => {
  it('round-trips through a file, creating its directory', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'verity-deploy-')), 'nested', 'deployment.json');
    writeDeployment(path, deployment);
    expect(readDeployment(path)).toEqual(deployment);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(deployment);
  });

  it('refuses invalid content on write and on read, with INVALID_DEPLOYMENT', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verity-deploy-'));
    const bad = [
      { ...deployment, chainId: 0 },
      { ...deployment, rpcUrl: 'not a url' },
      { ...deployment, contracts: { ...deployment.contracts, token: '0x1234' } },
      { ...deployment, deployedAt: 'yesterday' },
    ];
    for (const content of bad) {
      expect(() => writeDeployment(join(dir, 'x.json'), content as Deployment)).toThrow(ChainError);
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(content));
      const error = (() => {
        try {
          readDeployment(join(dir, 'bad.json'));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ChainError);
      expect((error as ChainError).reason).toBe('INVALID_DEPLOYMENT');
      expect((error as ChainError).code).toBe('INVALID_REQUEST');
    }
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => readDeployment(join(dir, 'broken.json'))).toThrow(/cannot read deployment file/);
    expect(() => readDeployment(join(dir, 'missing.json'))).toThrow(ChainError);
  });
});
