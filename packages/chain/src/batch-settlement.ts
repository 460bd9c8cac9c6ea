/**
 * x402 v2 `batch-settlement` on EVM, the on-chain constants: the canonical addresses, the EIP-712 domain and types
 * of channel configs, vouchers, refunds and claim batches, the channel id, and the EIP-3009 deposit encoding.
 *
 * Sources (each value below was checked against both):
 * - @x402/evm 2.27.0 (npm), dist/esm/chunk-5XX3PMSD.mjs, built from src/batch-settlement/constants.ts and utils.ts
 *   (addresses, domain, types, computeChannelId), and chunk-W6ON4LG2.mjs, built from src/batch-settlement/encoding.ts
 *   (buildErc3009DepositNonce, buildErc3009CollectorData);
 * - the scheme spec, coinbase/x402 specs/schemes/batch-settlement/scheme_batch_settlement_evm.md ("Reference
 *   Implementation" table for the addresses, "Channel creation and deposits" for the channel id).
 */
import { type ApiKey, apiKeyAuthorizer } from '@verity/protocol';
import { type Address, type Hex, encodeAbiParameters, getAddress, hashTypedData, keccak256 } from 'viem';

/** x402BatchSettlement's CREATE2 address on every chain (@x402/evm BATCH_SETTLEMENT_ADDRESS); the devnet puts ours here. */
export const batchSettlementAddress: Address = '0x4020074e9dF2ce1deE5A9C1b5c3f541D02a10003';
/**
 * The ERC-3009 deposit collector (@x402/evm ERC3009_DEPOSIT_COLLECTOR_ADDRESS): the payer's ReceiveWithAuthorization
 * names it as `to`, and `deposit` is called with it as `collector`.
 */
export const erc3009DepositCollectorAddress: Address = '0x4020806089470a89826cB9fB1f4059150b550004';
/** The Permit2 deposit collector (@x402/evm PERMIT2_DEPOSIT_COLLECTOR_ADDRESS); not installed on the devnet. */
export const permit2DepositCollectorAddress: Address = '0x4020425FAf3B746C082C2f942b4E5159887B0005';

/** Bounds of ChannelConfig.withdrawDelay, inclusive (@x402/evm MIN_WITHDRAW_DELAY / MAX_WITHDRAW_DELAY; 15 min – 30 days). */
export const minWithdrawDelaySeconds = 900;
export const maxWithdrawDelaySeconds = 2_592_000;

/** The settlement contract's EIP-712 name and version (@x402/evm BATCH_SETTLEMENT_DOMAIN). */
export const batchSettlementDomainNameVersion = { name: 'x402 Batch Settlement', version: '1' } as const;

/**
 * The EIP-712 domain of vouchers, refunds, claim batches and channel ids (@x402/evm getBatchSettlementEip712Domain).
 * The libraries always use the canonical address; another `verifyingContract` is for a deployment elsewhere.
 */
export function batchSettlementDomain(chainId: number, verifyingContract: Address = batchSettlementAddress) {
  return { ...batchSettlementDomainNameVersion, chainId, verifyingContract } as const;
}

/** A channel's immutable terms (the contract's ChannelConfig; the payload's `channelConfig`). */
export interface ChannelConfig {
  payer: Address;
  /** EOA that signs vouchers, or the zero address: then the payer signs (EOA or EIP-1271 wallet). */
  payerAuthorizer: Address;
  receiver: Address;
  /** Signs claim batches and refunds for the receiver side; never zero. */
  receiverAuthorizer: Address;
  token: Address;
  withdrawDelay: number;
  salt: Hex;
}

export const channelConfigTypes = {
  ChannelConfig: [
    { name: 'payer', type: 'address' },
    { name: 'payerAuthorizer', type: 'address' },
    { name: 'receiver', type: 'address' },
    { name: 'receiverAuthorizer', type: 'address' },
    { name: 'token', type: 'address' },
    { name: 'withdrawDelay', type: 'uint40' },
    { name: 'salt', type: 'bytes32' },
  ],
} as const;

/** What a server's x402 terms say of its channels (PaymentRequirements: payTo, asset and the scheme's extra). */
export interface ChannelTerms {
  payTo: string;
  asset: string;
  extra: Record<string, unknown>;
}

/**
 * The channel an API key names under a server's terms (protocol's api-key.ts): the payer, the authorizer and the
 * salt come from the key, the receiver, its authorizer, the token and the withdraw delay from the server.
 */
export function keyChannelConfig(key: ApiKey, terms: ChannelTerms): ChannelConfig {
  return {
    payer: getAddress(key.payer),
    payerAuthorizer: getAddress(apiKeyAuthorizer(key)),
    receiver: getAddress(terms.payTo),
    receiverAuthorizer: getAddress(String(terms.extra.receiverAuthorizer)),
    token: getAddress(terms.asset),
    withdrawDelay: Number(terms.extra.withdrawDelay),
    salt: key.salt,
  };
}

/** Signed by the payer (or payerAuthorizer): the receiver may claim up to maxClaimableAmount in total. */
export const voucherTypes = {
  Voucher: [
    { name: 'channelId', type: 'bytes32' },
    { name: 'maxClaimableAmount', type: 'uint128' },
  ],
} as const;

/** Signed by the receiverAuthorizer; `nonce` is the channel's current refundNonce. */
export const refundTypes = {
  Refund: [
    { name: 'channelId', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'amount', type: 'uint128' },
  ],
} as const;

/** Signed by the receiverAuthorizer for claimWithSignature: one entry per claimed row, in order. */
export const claimBatchTypes = {
  ClaimBatch: [{ name: 'claims', type: 'ClaimEntry[]' }],
  ClaimEntry: [
    { name: 'channelId', type: 'bytes32' },
    { name: 'maxClaimableAmount', type: 'uint128' },
    { name: 'totalClaimed', type: 'uint128' },
  ],
} as const;

/** EIP-3009 under the token's own domain (name(), version(), chainId, token): @x402/evm receiveAuthorizationTypes. */
export const receiveWithAuthorizationTypes = {
  ReceiveWithAuthorization: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'validAfter', type: 'uint256' },
    { name: 'validBefore', type: 'uint256' },
    { name: 'nonce', type: 'bytes32' },
  ],
} as const;

/** EIP-3009, what the `exact` scheme signs (@x402/evm authorizationTypes). */
export const transferWithAuthorizationTypes = {
  TransferWithAuthorization: receiveWithAuthorizationTypes.ReceiveWithAuthorization,
} as const;

/** EIP-3009 (the EIP's text; the x402 libraries never cancel). */
export const cancelAuthorizationTypes = {
  CancelAuthorization: [
    { name: 'authorizer', type: 'address' },
    { name: 'nonce', type: 'bytes32' },
  ],
} as const;

/**
 * The channel id: the EIP-712 hash of the config under the settlement's domain (@x402/evm computeChannelId; the
 * contract's getChannelId), so the same config gives different ids on other chains or contracts.
 */
export function channelIdOf(config: ChannelConfig, chainId: number, verifyingContract: Address = batchSettlementAddress): Hex {
  return hashTypedData({
    domain: batchSettlementDomain(chainId, verifyingContract),
    types: channelConfigTypes,
    primaryType: 'ChannelConfig',
    message: config,
  });
}

/** The nonce of a deposit's ReceiveWithAuthorization: keccak256(abi.encode(channelId, salt)), binding it to one channel. */
export function erc3009DepositNonce(channelId: Hex, salt: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [channelId, salt]));
}

export interface Erc3009DepositAuthorization {
  validAfter: bigint;
  validBefore: bigint;
  /** The salt of erc3009DepositNonce (not the channel's salt). */
  salt: bigint;
  signature: Hex;
}

/** `collectorData` of a deposit through the ERC-3009 collector: abi.encode(validAfter, validBefore, salt, signature). */
export function erc3009CollectorData(authorization: Erc3009DepositAuthorization): Hex {
  return encodeAbiParameters(
    [{ type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'bytes' }],
    [authorization.validAfter, authorization.validBefore, authorization.salt, authorization.signature],
  );
}

/** VerityToken's EIP-712 name and version: what x402 payment requirements carry as `extra.name` / `extra.version`. */
export const verityTokenDomainNameVersion = { name: 'Verity', version: '1' } as const;
