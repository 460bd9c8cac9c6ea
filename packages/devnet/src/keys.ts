/** The well-known development keys of anvil (and hardhat): public knowledge, for local networks only. */
import { anvilPrivateKeys } from '@verity/chain';
import type { Hex } from '@verity/protocol';

export const devKeys: readonly Hex[] = anvilPrivateKeys;
