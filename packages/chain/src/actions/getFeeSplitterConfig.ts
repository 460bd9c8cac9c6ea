import { FeeSplitter } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';
import type { DeployFeeSplitterParameters } from './deployFeeSplitter.js';

export type GetFeeSplitterConfigReturnType = Required<DeployFeeSplitterParameters>;

/**
 * A FeeSplitter's rules and parties, as its constructor took them (the shares as they are now): what a node copies
 * to deploy a splitter of its own under the network's rules and owner.
 */
export async function getFeeSplitterConfig(client: ReadClient, feeSplitter: Address): Promise<GetFeeSplitterConfigReturnType> {
  const read = <
    F extends
      | 'token'
      | 'modelRegistry'
      | 'nodeRegistry'
      | 'receiptRegistry'
      | 'treasury'
      | 'verifierPool'
      | 'distributor'
      | 'owner'
      | 'verifierBps'
      | 'treasuryBps',
  >(
    functionName: F,
  ) => readContract(client, { address: feeSplitter, abi: FeeSplitter.abi, functionName });
  const [
    token,
    modelRegistry,
    nodeRegistry,
    receiptRegistry,
    treasury,
    verifierPool,
    distributor,
    owner,
    verifierBps,
    treasuryBps,
  ] = await Promise.all([
    read('token'),
    read('modelRegistry'),
    read('nodeRegistry'),
    read('receiptRegistry'),
    read('treasury'),
    read('verifierPool'),
    read('distributor'),
    read('owner'),
    read('verifierBps'),
    read('treasuryBps'),
  ]);
  return {
    token: token as Address,
    modelRegistry: modelRegistry as Address,
    nodeRegistry: nodeRegistry as Address,
    receiptRegistry: receiptRegistry as Address,
    treasury: treasury as Address,
    verifierPool: verifierPool as Address,
    distributor: distributor as Address,
    owner: owner as Address,
    verifierBps: Number(verifierBps),
    treasuryBps: Number(treasuryBps),
  };
}
