/** The well-known development keys of anvil (and hardhat): public knowledge, for local networks only. */
import { anvilPrivateKeys } from '@verity/chain';
import { type Hex, addressOf, formatApiKey, sha256Hex } from '@verity/protocol';

export const devKeys: readonly Hex[] = anvilPrivateKeys;

/** The devnet router operator's key (anvil's account 9): signs claim batches and distributes fees. */
export const routerKey = devKeys[9] as Hex;
/** Where the devnet's fee split sends the treasury's share (anvil's account 8) and the verifier pool's (7). */
export const treasuryAddress = addressOf(devKeys[8] as Hex);
export const verifierPoolAddress = addressOf(devKeys[7] as Hex);

/**
 * The devnet's API key (public knowledge, like the keys above): the demo payer's (anvil's account 4) prepaid channel
 * with the devnet router, funded by `npm start`, so that the README's OpenAI example works as printed.
 */
export const devApiKey = formatApiKey({
  authorizerKey: sha256Hex(new TextEncoder().encode('verity devnet api key: authorizer')),
  payer: addressOf(devKeys[4] as Hex),
  salt: sha256Hex(new TextEncoder().encode('verity devnet api key: salt')),
});
