/**
 * Checks of a payment payload that charges and refunds share: the channel config against the requirements (and its
 * hash against the channel id), the voucher's signer under this chain's and this contract's domain (an EOA, or an
 * EIP-1271 contract wallet by a call), and the corrective error (cumulative_amount_mismatch, with channelState and
 * voucherState) for a voucher on a stale base.
 */
import { type ChannelConfig, type ReadClient, batchSettlementDomain, voucherTypes } from '@verity/chain';
import type { VerityError } from '@verity/protocol';
import type { PaymentRequirements } from '@x402/core/types';
import { type Address, type Hex, isAddressEqual, zeroAddress } from 'viem';
import { getCode, verifyTypedData } from 'viem/actions';
import type { ChannelMirror } from './channel-mirror.js';
import { paymentError, x402Codes } from './errors.js';
import type { CorrectiveState } from './requirements.js';
import type { ChannelRecord } from './store.js';
import { recoverVoucherSigner } from './voucher.js';
import { channelStateOf } from './wire.js';

export interface PayloadCheckOptions {
  chainId: number;
  batchSettlement: Address;
}

export class PayloadChecks {
  constructor(
    private readonly mirror: ChannelMirror,
    private readonly publicClient: ReadClient,
    private readonly options: PayloadCheckOptions,
  ) {}

  /** The channel config hashes to `channelId` and pays this receiver, in this token, with these terms. */
  config(config: ChannelConfig, channelId: Hex, requirements: PaymentRequirements): void {
    const extra = requirements.extra;
    if (this.mirror.idOf(config) !== channelId) {
      throw paymentError(x402Codes.channelIdMismatch, 'the channel id is not the hash of the channel config on this chain');
    }
    if (!isAddressEqual(config.receiver, requirements.payTo as Address)) {
      throw paymentError(x402Codes.receiverMismatch, 'the channel pays another receiver');
    }
    const receiverAuthorizer = extra.receiverAuthorizer;
    if (typeof receiverAuthorizer !== 'string' || !isAddressEqual(config.receiverAuthorizer, receiverAuthorizer as Address)) {
      throw paymentError(x402Codes.receiverAuthorizerMismatch, 'the channel names another receiverAuthorizer');
    }
    if (!isAddressEqual(config.token, requirements.asset as Address)) {
      throw paymentError(x402Codes.tokenMismatch, 'the channel holds another token');
    }
    if (extra.withdrawDelay !== undefined && config.withdrawDelay !== Number(extra.withdrawDelay)) {
      throw paymentError(x402Codes.withdrawDelayMismatch, `withdrawDelay must be ${String(extra.withdrawDelay)}`);
    }
  }

  /** The voucher is signed by the channel's payerAuthorizer, or (none set) by its payer, EOA or contract wallet. */
  async voucherSigner(config: ChannelConfig, channelId: Hex, max: bigint, signature: Hex): Promise<void> {
    const { chainId, batchSettlement } = this.options;
    const expected = config.payerAuthorizer === zeroAddress ? config.payer : config.payerAuthorizer;
    const recovered = recoverVoucherSigner(chainId, channelId, max, signature, batchSettlement);
    if (recovered && isAddressEqual(recovered, expected)) return;
    // No payerAuthorizer: the payer may be a contract wallet (EIP-1271), which only a call can check.
    if (config.payerAuthorizer === zeroAddress) {
      const client = this.publicClient;
      const ok = await getCode(client, { address: config.payer })
        .then(
          (code) =>
            code !== undefined &&
            code !== '0x' &&
            verifyTypedData(client, {
              address: config.payer,
              domain: batchSettlementDomain(chainId, batchSettlement),
              types: voucherTypes,
              primaryType: 'Voucher',
              message: { channelId, maxClaimableAmount: max },
              signature,
            }),
        )
        .catch(() => false);
      if (ok) return;
    }
    throw paymentError(
      x402Codes.voucherSignature,
      'the voucher is not signed by the channel payer (or its payerAuthorizer) for this channel, chain and contract',
    );
  }
}

/** The corrective refusal of a voucher on a stale base: the channel's state and last voucher, for the client to resync. */
export function staleError(
  channel: ChannelRecord,
  requirements: PaymentRequirements,
  message = `the voucher must cover the charged total ${channel.charged} plus the price ${requirements.amount}`,
): VerityError {
  const corrective: CorrectiveState = {
    error: x402Codes.cumulativeAmountMismatch,
    channelState: channelStateOf(channel),
    ...(channel.voucherMax !== null && channel.voucherSignature !== null
      ? { voucherState: { signedMaxClaimable: String(channel.voucherMax), signature: channel.voucherSignature } }
      : {}),
  };
  return paymentError(x402Codes.cumulativeAmountMismatch, message, { channelId: channel.channelId, corrective });
}
