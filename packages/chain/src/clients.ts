/** viem clients for a Verity chain: any EVM JSON-RPC URL, with the chain id the deployment names. */
import {
  type Account,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export function verityChain(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? 'Verity devnet (anvil)' : `Verity chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

export interface ChainClientsOptions {
  rpcUrl: string;
  chainId: number;
  /** How often to poll for receipts and events; small on a local chain. */
  pollingIntervalMs?: number;
}

export interface ChainClients {
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  /** A wallet client for one key (the key stays in the account object, never logged). */
  walletFor(privateKey: Hex): WalletClient<Transport, Chain, Account>;
}

export function createChainClients(options: ChainClientsOptions): ChainClients {
  const chain = verityChain(options.chainId, options.rpcUrl);
  const pollingInterval = options.pollingIntervalMs ?? (options.chainId === 31337 ? 100 : 2_000);
  const transport = http(options.rpcUrl);
  return {
    chain,
    publicClient: createPublicClient({ chain, transport, pollingInterval }),
    walletFor: (privateKey) =>
      createWalletClient({ chain, transport, pollingInterval, account: privateKeyToAccount(privateKey) }),
  };
}
