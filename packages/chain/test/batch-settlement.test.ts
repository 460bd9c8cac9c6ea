/**
 * x402 `batch-settlement` on a real anvil: VerityToken's EIP-3009, BatchSettlement installed at x402's canonical
 * address, deposits through the ERC-3009 collector, cumulative voucher claims, claim batches, settle, refunds and
 * the timed withdrawal. Every signature is typed data signed by a viem account with the types of
 * src/batch-settlement.ts (the ones @x402/evm 2.27.0 signs); reverts are asserted by custom error name.
 */
import { randomBytes } from 'node:crypto';
import { BatchSettlement, VerityToken } from '@verity/contracts';
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
  bytesToHex,
  createTestClient,
  encodeFunctionData,
  getContract,
  hashTypedData,
  http,
  keccak256,
  parseAbi,
  parseEventLogs,
  parseSignature,
  toHex,
  zeroAddress,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Anvil,
  type ChannelConfig,
  anvilPrivateKeys,
  batchSettlementAddress,
  batchSettlementDomain,
  cancelAuthorizationTypes,
  channelConfigTypes,
  channelIdOf,
  claimBatchTypes,
  createChainClients,
  deployVerity,
  erc3009CollectorData,
  erc3009DepositCollectorAddress,
  erc3009DepositNonce,
  getChannel,
  installBatchSettlement,
  receiveWithAuthorizationTypes,
  refundTypes,
  revertError,
  revertErrorName,
  startAnvil,
  transferWithAuthorizationTypes,
  verityTokenDomainNameVersion,
  voucherTypes,
} from '../src/index.js';

type Wallet = WalletClient<Transport, Chain, Account>;
type Role = 'owner' | 'payer' | 'receiver' | 'receiverAuthorizer' | 'facilitator' | 'outsider' | 'payerAuthorizer' | 'payer2';
const roles: readonly Role[] = [
  'owner',
  'payer',
  'receiver',
  'receiverAuthorizer',
  'facilitator',
  'outsider',
  'payerAuthorizer',
  'payer2',
];

const withdrawDelay = 900;
const collectorAbi = parseAbi([
  'function collect(address payer, address token, uint256 amount, bytes32 channelId, bytes collectorData)',
  'function x402BatchSettlement() view returns (address)',
  'error OnlyX402BatchSettlement()',
]);

let anvil: Anvil;
let pub: PublicClient<Transport, Chain>;
let testClient: ReturnType<typeof createTestClient>;
let chainId: number;
let token: Address;
let deployedAt: Address;
const wallets = {} as Record<Role, Wallet>;
const accounts = {} as Record<Role, PrivateKeyAccount>;

function settlementAs(role: Role, address: Address = batchSettlementAddress) {
  return getContract({ address, abi: BatchSettlement.abi, client: { public: pub, wallet: wallets[role] } });
}

function tokenAs(role: Role) {
  return getContract({ address: token, abi: VerityToken.abi, client: { public: pub, wallet: wallets[role] } });
}

async function mined(hash: Promise<Hash>): Promise<TransactionReceipt> {
  const receipt = await pub.waitForTransactionReceipt({ hash: await hash });
  expect(receipt.status).toBe('success');
  return receipt;
}

/** Asserts the call reverts with the named custom error (and, when given, these arguments). */
async function reverts(call: Promise<unknown>, name: string, args?: readonly unknown[]): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a revert with ${name}`).toBeDefined();
  expect(revertErrorName(error), String(error)).toBe(name);
  if (args) expect(revertError(error)?.args).toEqual(args);
}

function eventsOf(receipt: TransactionReceipt, abi: Abi, eventName: string, address?: Address) {
  return parseEventLogs({ abi, logs: receipt.logs }).filter(
    (log) =>
      (log as { eventName: string }).eventName === eventName &&
      (address === undefined || log.address.toLowerCase() === address.toLowerCase()),
  ) as unknown as { eventName: string; args: Record<string, unknown> }[];
}

async function now(): Promise<bigint> {
  return (await pub.getBlock()).timestamp;
}

async function timeTravel(seconds: number): Promise<void> {
  await testClient.increaseTime({ seconds });
  await testClient.mine({ blocks: 1 });
}

const randomHex = (): Hex => bytesToHex(randomBytes(32));
const randomSalt = (): bigint => BigInt(randomHex());

function tokenDomain() {
  return { ...verityTokenDomainNameVersion, chainId, verifyingContract: token } as const;
}

interface Authorization {
  from: Address;
  to: Address;
  value: bigint;
  validAfter: bigint;
  validBefore: bigint;
  nonce: Hex;
}

async function authorization(overrides: Partial<Authorization> = {}): Promise<Authorization> {
  return {
    from: accounts.payer.address,
    to: accounts.outsider.address,
    value: 10n,
    validAfter: 0n,
    validBefore: (await now()) + 3_600n,
    nonce: randomHex(),
    ...overrides,
  };
}

function signTransfer(signer: PrivateKeyAccount, message: Authorization): Promise<Hex> {
  const types = transferWithAuthorizationTypes;
  return signer.signTypedData({ domain: tokenDomain(), types, primaryType: 'TransferWithAuthorization', message });
}

function signReceive(signer: PrivateKeyAccount, message: Authorization): Promise<Hex> {
  const types = receiveWithAuthorizationTypes;
  return signer.signTypedData({ domain: tokenDomain(), types, primaryType: 'ReceiveWithAuthorization', message });
}

function authArgs(a: Authorization) {
  return [a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce] as const;
}

function vrs(signature: Hex) {
  const { v, r, s, yParity } = parseSignature(signature);
  return [Number(v ?? BigInt(27 + yParity)), r, s] as const;
}

function channel(overrides: Partial<ChannelConfig> = {}): ChannelConfig {
  return {
    payer: accounts.payer.address,
    payerAuthorizer: zeroAddress,
    receiver: accounts.receiver.address,
    receiverAuthorizer: accounts.receiverAuthorizer.address,
    token,
    withdrawDelay,
    salt: randomHex(),
    ...overrides,
  };
}

/** Deposits as the x402 client signs it (ReceiveWithAuthorization to the collector) and a facilitator submits it. */
async function deposit(config: ChannelConfig, amount: bigint, payer: PrivateKeyAccount = accounts.payer) {
  const salt = randomSalt();
  const validBefore = (await now()) + 3_600n;
  const nonce = erc3009DepositNonce(channelIdOf(config, chainId), salt);
  const signature = await signReceive(payer, {
    from: payer.address,
    to: erc3009DepositCollectorAddress,
    value: amount,
    validAfter: 0n,
    validBefore,
    nonce,
  });
  const collectorData = erc3009CollectorData({ validAfter: 0n, validBefore, salt, signature });
  return {
    nonce,
    collectorData,
    submit: () => settlementAs('facilitator').write.deposit([config, amount, erc3009DepositCollectorAddress, collectorData]),
  };
}

async function funded(config: ChannelConfig, amount: bigint, payer: PrivateKeyAccount = accounts.payer) {
  await mined((await deposit(config, amount, payer)).submit());
  return channelIdOf(config, chainId);
}

function signVoucher(
  signer: PrivateKeyAccount,
  channelId: Hex,
  maxClaimableAmount: bigint,
  domainChainId = chainId,
  at?: Address,
) {
  return signer.signTypedData({
    domain: batchSettlementDomain(domainChainId, at),
    types: voucherTypes,
    primaryType: 'Voucher',
    message: { channelId, maxClaimableAmount },
  });
}

interface ClaimRow {
  voucher: { channel: ChannelConfig; maxClaimableAmount: bigint };
  signature: Hex;
  totalClaimed: bigint;
}

async function claimRow(
  config: ChannelConfig,
  maxClaimableAmount: bigint,
  totalClaimed: bigint,
  signer: PrivateKeyAccount = accounts.payer,
): Promise<ClaimRow> {
  const signature = await signVoucher(signer, channelIdOf(config, chainId), maxClaimableAmount);
  return { voucher: { channel: config, maxClaimableAmount }, signature, totalClaimed };
}

function signClaimBatch(signer: PrivateKeyAccount, rows: readonly ClaimRow[]): Promise<Hex> {
  const claims = rows.map((row) => ({
    channelId: channelIdOf(row.voucher.channel, chainId),
    maxClaimableAmount: row.voucher.maxClaimableAmount,
    totalClaimed: row.totalClaimed,
  }));
  return signer.signTypedData({
    domain: batchSettlementDomain(chainId),
    types: claimBatchTypes,
    primaryType: 'ClaimBatch',
    message: { claims },
  });
}

function signRefund(signer: PrivateKeyAccount, channelId: Hex, nonce: bigint, amount: bigint): Promise<Hex> {
  return signer.signTypedData({
    domain: batchSettlementDomain(chainId),
    types: refundTypes,
    primaryType: 'Refund',
    message: { channelId, nonce, amount },
  });
}

async function balanceOf(owner: Address): Promise<bigint> {
  return tokenAs('owner').read.balanceOf([owner]);
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  chainId = anvil.chainId;
  const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId });
  pub = clients.publicClient;
  testClient = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(anvil.rpcUrl) });
  roles.forEach((role, i) => {
    wallets[role] = clients.walletFor(anvilPrivateKeys[i]!);
    accounts[role] = privateKeyToAccount(anvilPrivateKeys[i]!);
  });
  token = (await deployVerity(wallets.owner)).contracts.token;
  for (const role of ['payer', 'payer2', 'outsider'] as const) {
    await mined(tokenAs('owner').write.mint([accounts[role].address, 1_000_000n]));
  }
  deployedAt = (await installBatchSettlement(wallets.owner)).deployedAt;
});

afterAll(async () => {
  await anvil?.stop();
});

describe('VerityToken EIP-3009', () => {
  it('has the EIP-712 domain the x402 payment requirements name: (Verity, 1, chain, token)', async () => {
    const read = tokenAs('owner').read;
    const [, name, version, domainChainId, verifyingContract] = await read.eip712Domain();
    expect({ name, version, chainId: Number(domainChainId), verifyingContract }).toEqual(tokenDomain());
    expect([await read.name(), await read.version()]).toEqual(['Verity', '1']);
  });

  it('moves tokens with a valid TransferWithAuthorization, (v, r, s) or bytes, submitted by anyone', async () => {
    const first = await authorization({ value: 25n });
    const before = await balanceOf(first.to);
    const receipt = await mined(
      tokenAs('facilitator').write.transferWithAuthorization([
        ...authArgs(first),
        ...vrs(await signTransfer(accounts.payer, first)),
      ]),
    );
    expect(eventsOf(receipt, VerityToken.abi, 'AuthorizationUsed')[0]?.args).toEqual({
      authorizer: accounts.payer.address,
      nonce: first.nonce,
    });
    expect(await tokenAs('owner').read.authorizationState([accounts.payer.address, first.nonce])).toBe(true);

    const second = await authorization({ value: 5n });
    await mined(
      tokenAs('facilitator').write.transferWithAuthorization([...authArgs(second), await signTransfer(accounts.payer, second)]),
    );
    expect(await balanceOf(first.to)).toBe(before + 30n);
  });

  it('refuses a replayed nonce, an expired or not yet valid authorization, and a wrong signer', async () => {
    const used = await authorization();
    const signature = await signTransfer(accounts.payer, used);
    await mined(tokenAs('facilitator').write.transferWithAuthorization([...authArgs(used), signature]));
    await reverts(
      tokenAs('facilitator').write.transferWithAuthorization([...authArgs(used), signature]),
      'AuthorizationAlreadyUsed',
      [accounts.payer.address, used.nonce],
    );

    const expired = await authorization({ validBefore: (await now()) - 1n });
    await reverts(
      tokenAs('facilitator').write.transferWithAuthorization([...authArgs(expired), await signTransfer(accounts.payer, expired)]),
      'AuthorizationExpired',
    );
    const early = await authorization({ validAfter: (await now()) + 600n });
    await reverts(
      tokenAs('facilitator').write.transferWithAuthorization([...authArgs(early), await signTransfer(accounts.payer, early)]),
      'AuthorizationNotYetValid',
    );

    const forged = await authorization();
    await reverts(
      tokenAs('facilitator').write.transferWithAuthorization([
        ...authArgs(forged),
        await signTransfer(accounts.outsider, forged),
      ]),
      'InvalidAuthorizationSignature',
    );
    // A signature over other terms (here: another amount) is a wrong signature too.
    const signed = await authorization({ value: 1n });
    await reverts(
      tokenAs('facilitator').write.transferWithAuthorization([
        ...authArgs({ ...signed, value: 2n }),
        await signTransfer(accounts.payer, signed),
      ]),
      'InvalidAuthorizationSignature',
    );
    // The transfer and receive types are distinct: one cannot be replayed as the other.
    const crossType = await authorization({ to: accounts.facilitator.address });
    await reverts(
      tokenAs('facilitator').write.receiveWithAuthorization([
        ...authArgs(crossType),
        await signTransfer(accounts.payer, crossType),
      ]),
      'InvalidAuthorizationSignature',
    );
  });

  it('lets only the payee submit a ReceiveWithAuthorization', async () => {
    const auth = await authorization({ to: accounts.receiver.address, value: 7n });
    const signature = await signReceive(accounts.payer, auth);
    await reverts(tokenAs('facilitator').write.receiveWithAuthorization([...authArgs(auth), signature]), 'CallerNotPayee', [
      accounts.facilitator.address,
      accounts.receiver.address,
    ]);
    const before = await balanceOf(accounts.receiver.address);
    await mined(tokenAs('receiver').write.receiveWithAuthorization([...authArgs(auth), ...vrs(signature)]));
    expect(await balanceOf(accounts.receiver.address)).toBe(before + 7n);
  });

  it('cancels an unused authorization, by the authorizer’s signature only', async () => {
    const auth = await authorization();
    const sign = (signer: PrivateKeyAccount) =>
      signer.signTypedData({
        domain: tokenDomain(),
        types: cancelAuthorizationTypes,
        primaryType: 'CancelAuthorization',
        message: { authorizer: accounts.payer.address, nonce: auth.nonce },
      });
    await reverts(
      tokenAs('facilitator').write.cancelAuthorization([accounts.payer.address, auth.nonce, await sign(accounts.outsider)]),
      'InvalidAuthorizationSignature',
    );
    const receipt = await mined(
      tokenAs('facilitator').write.cancelAuthorization([accounts.payer.address, auth.nonce, ...vrs(await sign(accounts.payer))]),
    );
    expect(eventsOf(receipt, VerityToken.abi, 'AuthorizationCanceled')).toHaveLength(1);
    await reverts(
      tokenAs('facilitator').write.transferWithAuthorization([...authArgs(auth), await signTransfer(accounts.payer, auth)]),
      'AuthorizationAlreadyUsed',
    );
  });
});

describe('BatchSettlement installation', () => {
  it('runs the deployed runtime code at the canonical address, with that address in its EIP-712 domain', async () => {
    const code = await pub.getCode({ address: batchSettlementAddress });
    expect(code).toBe(await pub.getCode({ address: deployedAt }));
    const [, name, version, domainChainId, verifyingContract] = await settlementAs('owner').read.eip712Domain();
    expect({ name, version, chainId: Number(domainChainId), verifyingContract }).toEqual(batchSettlementDomain(chainId));
    // The deployed copy keeps its own address: OpenZeppelin's EIP712 rebuilds the separator from address(this).
    expect((await settlementAs('owner', deployedAt).read.eip712Domain())[4]).toBe(deployedAt);
    expect(await settlementAs('owner').read.CHANNEL_CONFIG_TYPEHASH()).toBe(
      keccak256(
        toHex(
          'ChannelConfig(address payer,address payerAuthorizer,address receiver,address receiverAuthorizer,address token,uint40 withdrawDelay,bytes32 salt)',
        ),
      ),
    );
  });

  it('installs the ERC-3009 deposit collector, which serves the canonical settlement only', async () => {
    const collector = getContract({
      address: erc3009DepositCollectorAddress,
      abi: collectorAbi,
      client: { public: pub, wallet: wallets.outsider },
    });
    expect(await collector.read.x402BatchSettlement()).toBe(batchSettlementAddress);
    // Someone holding a payer's deposit authorization cannot pull the funds to themselves.
    const { collectorData } = await deposit(channel(), 100n);
    await reverts(
      collector.write.collect([accounts.payer.address, token, 100n, channelIdOf(channel(), chainId), collectorData]),
      'OnlyX402BatchSettlement',
    );
  });
});

describe('BatchSettlement channels and deposits', () => {
  it('derives the channel id as the EIP-712 hash of the config, bound to chain and contract', async () => {
    const config = channel();
    const id = channelIdOf(config, chainId);
    expect(await settlementAs('owner').read.getChannelId([config])).toBe(id);
    expect(id).toBe(
      hashTypedData({
        domain: { name: 'x402 Batch Settlement', version: '1', chainId, verifyingContract: batchSettlementAddress },
        types: channelConfigTypes,
        primaryType: 'ChannelConfig',
        message: config,
      }),
    );
    expect(await settlementAs('owner', deployedAt).read.getChannelId([config])).toBe(channelIdOf(config, chainId, deployedAt));
    expect(channelIdOf(config, chainId, deployedAt)).not.toBe(id);
    expect(channelIdOf(config, 1)).not.toBe(id);
    expect(channelIdOf({ ...config, salt: randomHex() }, chainId)).not.toBe(id);
  });

  it('deposits through receiveWithAuthorization on the token, creating the channel', async () => {
    const config = channel();
    const id = channelIdOf(config, chainId);
    const payerBefore = await balanceOf(accounts.payer.address);
    const held = await balanceOf(batchSettlementAddress);
    const pending = await deposit(config, 1_000n);
    const receipt = await mined(pending.submit());

    expect(eventsOf(receipt, VerityToken.abi, 'AuthorizationUsed', token)[0]?.args).toEqual({
      authorizer: accounts.payer.address,
      nonce: pending.nonce,
    });
    expect(eventsOf(receipt, BatchSettlement.abi, 'ChannelCreated')[0]?.args).toEqual({ channelId: id, config });
    expect(eventsOf(receipt, BatchSettlement.abi, 'Deposited')[0]?.args).toEqual({
      channelId: id,
      sender: accounts.facilitator.address,
      amount: 1_000n,
      newBalance: 1_000n,
    });
    expect(await balanceOf(accounts.payer.address)).toBe(payerBefore - 1_000n);
    expect(await balanceOf(batchSettlementAddress)).toBe(held + 1_000n);
    expect(await balanceOf(erc3009DepositCollectorAddress)).toBe(0n);
    expect(await getChannel(pub, batchSettlementAddress, { channelId: id })).toEqual({
      balance: 1_000n,
      totalClaimed: 0n,
      unclaimed: 1_000n,
      withdrawal: null,
      refundNonce: 0n,
    });

    // A top-up adds to the balance without creating the channel again; the same authorization cannot be replayed.
    const topUp = await mined((await deposit(config, 500n)).submit());
    expect(eventsOf(topUp, BatchSettlement.abi, 'ChannelCreated')).toHaveLength(0);
    expect(eventsOf(topUp, BatchSettlement.abi, 'Deposited')[0]?.args.newBalance).toBe(1_500n);
    await reverts(pending.submit(), 'AuthorizationAlreadyUsed');
  });

  it('refuses an authorization signed for another channel config (its nonce binds the channel id)', async () => {
    const signedFor = channel();
    const { collectorData } = await deposit(signedFor, 100n);
    for (const other of [
      { ...signedFor, salt: randomHex() },
      { ...signedFor, receiver: accounts.outsider.address },
      { ...signedFor, withdrawDelay: withdrawDelay + 1 },
    ]) {
      await reverts(
        settlementAs('facilitator').write.deposit([other, 100n, erc3009DepositCollectorAddress, collectorData]),
        'InvalidAuthorizationSignature',
      );
    }
    // Another amount than signed fails the same way.
    await reverts(
      settlementAs('facilitator').write.deposit([signedFor, 101n, erc3009DepositCollectorAddress, collectorData]),
      'InvalidAuthorizationSignature',
    );
  });

  it('refuses invalid configs, zero amounts and a zero collector', async () => {
    const write = settlementAs('facilitator').write;
    const { collectorData } = await deposit(channel(), 100n);
    for (const withdrawDelaySeconds of [899, 2_592_001]) {
      await reverts(
        write.deposit([channel({ withdrawDelay: withdrawDelaySeconds }), 100n, erc3009DepositCollectorAddress, collectorData]),
        'WithdrawDelayOutOfRange',
      );
    }
    for (const field of ['payer', 'receiver', 'receiverAuthorizer', 'token'] as const) {
      await reverts(
        write.deposit([channel({ [field]: zeroAddress }), 100n, erc3009DepositCollectorAddress, collectorData]),
        'InvalidChannel',
      );
    }
    await reverts(write.deposit([channel(), 0n, erc3009DepositCollectorAddress, collectorData]), 'ZeroDeposit');
    await reverts(write.deposit([channel(), 100n, zeroAddress, collectorData]), 'InvalidCollector');
  });
});

describe('BatchSettlement claims', () => {
  it('records cumulative vouchers claimed by the receiver side, each claim adding only the difference', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    const first = await mined(settlementAs('receiver').write.claim([[await claimRow(config, 300n, 100n)]]));
    expect(eventsOf(first, BatchSettlement.abi, 'Claimed')[0]?.args).toEqual({
      channelId: id,
      sender: accounts.receiver.address,
      claimAmount: 100n,
      newTotalClaimed: 100n,
    });
    const receiverBefore = (await settlementAs('owner').read.receivers([accounts.receiver.address, token]))[0];
    // The receiverAuthorizer may claim directly too.
    const second = await mined(settlementAs('receiverAuthorizer').write.claim([[await claimRow(config, 500n, 250n)]]));
    expect(eventsOf(second, BatchSettlement.abi, 'Claimed')[0]?.args.claimAmount).toBe(150n);
    expect((await settlementAs('owner').read.receivers([accounts.receiver.address, token]))[0]).toBe(receiverBefore + 150n);
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).totalClaimed).toBe(250n);
  });

  it('treats a claim at or below the claimed total as a no-op (old vouchers are superseded)', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    const old = await claimRow(config, 300n, 300n);
    await mined(settlementAs('receiver').write.claim([[old]]));
    for (const row of [old, await claimRow(config, 300n, 200n)]) {
      const receipt = await mined(settlementAs('receiver').write.claim([[row]]));
      expect(eventsOf(receipt, BatchSettlement.abi, 'Claimed')).toHaveLength(0);
    }
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).totalClaimed).toBe(300n);
  });

  it('refuses claims above the voucher ceiling or the channel balance', async () => {
    const config = channel();
    await funded(config, 1_000n);
    await reverts(settlementAs('receiver').write.claim([[await claimRow(config, 500n, 501n)]]), 'ClaimExceedsCeiling');
    await reverts(settlementAs('receiver').write.claim([[await claimRow(config, 2_000n, 1_001n)]]), 'ClaimExceedsBalance');
    await mined(settlementAs('receiver').write.claim([[await claimRow(config, 2_000n, 1_000n)]]));
  });

  it('refuses vouchers signed by the wrong key, and callers outside the receiver side', async () => {
    const config = channel();
    await funded(config, 1_000n);
    await reverts(
      settlementAs('receiver').write.claim([[await claimRow(config, 100n, 100n, accounts.outsider)]]),
      'InvalidSignature',
    );
    await reverts(settlementAs('outsider').write.claim([[await claimRow(config, 100n, 100n)]]), 'NotAuthorizedToClaim');
    await reverts(settlementAs('receiver').write.claim([[]]), 'EmptyBatch');

    // With a payerAuthorizer, vouchers are its signatures (ECDSA) and the payer's own no longer count.
    const delegated = channel({ payerAuthorizer: accounts.payerAuthorizer.address });
    await funded(delegated, 1_000n);
    await reverts(settlementAs('receiver').write.claim([[await claimRow(delegated, 100n, 100n)]]), 'InvalidSignature');
    await mined(settlementAs('receiver').write.claim([[await claimRow(delegated, 100n, 100n, accounts.payerAuthorizer)]]));
  });

  it('refuses vouchers signed for another chain or another contract (domain separation)', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    expect(await settlementAs('owner').read.getVoucherDigest([id, 100n])).toBe(
      hashTypedData({
        domain: batchSettlementDomain(chainId),
        types: voucherTypes,
        primaryType: 'Voucher',
        message: { channelId: id, maxClaimableAmount: 100n },
      }),
    );
    for (const signature of [
      await signVoucher(accounts.payer, id, 100n, 1),
      await signVoucher(accounts.payer, id, 100n, chainId, deployedAt),
    ]) {
      const row = { voucher: { channel: config, maxClaimableAmount: 100n }, signature, totalClaimed: 100n };
      await reverts(settlementAs('receiver').write.claim([[row]]), 'InvalidSignature');
    }
  });

  it('claimWithSignature: anyone relays a ClaimBatch the receiverAuthorizer signed, over many channels', async () => {
    const a = channel();
    const b = channel({ payer: accounts.payer2.address });
    const [idA, idB] = [await funded(a, 1_000n), await funded(b, 1_000n, accounts.payer2)];
    const rows = [await claimRow(a, 400n, 400n), await claimRow(b, 700n, 650n, accounts.payer2)];
    expect(await settlementAs('owner').read.getClaimBatchDigest([rows])).toBe(
      hashTypedData({
        domain: batchSettlementDomain(chainId),
        types: claimBatchTypes,
        primaryType: 'ClaimBatch',
        message: {
          claims: rows.map((row) => ({
            channelId: channelIdOf(row.voucher.channel, chainId),
            maxClaimableAmount: row.voucher.maxClaimableAmount,
            totalClaimed: row.totalClaimed,
          })),
        },
      }),
    );

    await reverts(
      settlementAs('facilitator').write.claimWithSignature([rows, await signClaimBatch(accounts.outsider, rows)]),
      'InvalidSignature',
    );
    // The signature covers the rows: a changed total is not what was signed.
    const signature = await signClaimBatch(accounts.receiverAuthorizer, rows);
    await reverts(
      settlementAs('facilitator').write.claimWithSignature([[rows[0]!, { ...rows[1]!, totalClaimed: 700n }], signature]),
      'InvalidSignature',
    );
    const receipt = await mined(settlementAs('facilitator').write.claimWithSignature([rows, signature]));
    expect(eventsOf(receipt, BatchSettlement.abi, 'Claimed').map((e) => [e.args.channelId, e.args.claimAmount])).toEqual([
      [idA, 400n],
      [idB, 650n],
    ]);

    const foreign = channel({ receiverAuthorizer: accounts.outsider.address });
    await funded(foreign, 100n);
    const mixed = [await claimRow(a, 500n, 500n), await claimRow(foreign, 100n, 100n)];
    await reverts(
      settlementAs('facilitator').write.claimWithSignature([mixed, await signClaimBatch(accounts.receiverAuthorizer, mixed)]),
      'NotReceiverAuthorizer',
    );
    await reverts(settlementAs('facilitator').write.claimWithSignature([[], signature]), 'EmptyBatch');
  });

  it('settle pays everything claimed for a receiver and token in one transfer, once', async () => {
    const receiver = accounts.outsider.address;
    const configs = [channel({ receiver }), channel({ receiver }), channel({ receiver, payer: accounts.payer2.address })];
    const payers = [accounts.payer, accounts.payer, accounts.payer2];
    const rows: ClaimRow[] = [];
    for (const [i, config] of configs.entries()) {
      await funded(config, 1_000n, payers[i]);
      rows.push(await claimRow(config, 500n, BigInt(100 * (i + 1)), payers[i]));
    }
    await mined(
      settlementAs('facilitator').write.claimWithSignature([rows, await signClaimBatch(accounts.receiverAuthorizer, rows)]),
    );
    expect(await settlementAs('owner').read.receivers([receiver, token])).toEqual([600n, 0n]);

    const before = await balanceOf(receiver);
    const receipt = await mined(settlementAs('facilitator').write.settle([receiver, token]));
    const transfers = eventsOf(receipt, VerityToken.abi, 'Transfer', token);
    expect(transfers.map((t) => t.args)).toEqual([{ from: batchSettlementAddress, to: receiver, value: 600n }]);
    expect(eventsOf(receipt, BatchSettlement.abi, 'Settled')[0]?.args).toEqual({
      receiver,
      token,
      sender: accounts.facilitator.address,
      amount: 600n,
    });
    expect(await balanceOf(receiver)).toBe(before + 600n);
    expect(await settlementAs('owner').read.receivers([receiver, token])).toEqual([600n, 600n]);

    const again = await mined(settlementAs('facilitator').write.settle([receiver, token]));
    expect(again.logs).toHaveLength(0);
  });
});

describe('BatchSettlement refunds', () => {
  it('refund: the receiver side returns unclaimed escrow, capped, and every refund advances the nonce', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    await mined(settlementAs('receiver').write.claim([[await claimRow(config, 400n, 400n)]]));
    await reverts(settlementAs('outsider').write.refund([config, 100n]), 'NotAuthorizedToRefund');
    await reverts(settlementAs('receiver').write.refund([config, 0n]), 'ZeroRefund');

    const payerBefore = await balanceOf(accounts.payer.address);
    const partial = await mined(settlementAs('receiver').write.refund([config, 100n]));
    expect(eventsOf(partial, BatchSettlement.abi, 'Refunded')[0]?.args).toEqual({
      channelId: id,
      sender: accounts.receiver.address,
      amount: 100n,
    });
    await mined(settlementAs('receiverAuthorizer').write.refund([config, 10_000n]));
    expect(await balanceOf(accounts.payer.address)).toBe(payerBefore + 600n);
    expect(await getChannel(pub, batchSettlementAddress, { channelId: id })).toMatchObject({
      balance: 400n,
      totalClaimed: 400n,
      unclaimed: 0n,
      refundNonce: 2n,
    });
    // Nothing left to refund: no transfer, no event, but the nonce still advances.
    const empty = await mined(settlementAs('receiver').write.refund([config, 1n]));
    expect(empty.logs).toHaveLength(0);
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).refundNonce).toBe(3n);
  });

  it('refundWithSignature: anyone relays the receiverAuthorizer’s Refund at the current nonce; a full refund closes', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    expect(await settlementAs('owner').read.getRefundDigest([id, 0n, 300n])).toBe(
      hashTypedData({
        domain: batchSettlementDomain(chainId),
        types: refundTypes,
        primaryType: 'Refund',
        message: { channelId: id, nonce: 0n, amount: 300n },
      }),
    );
    const write = settlementAs('facilitator').write;
    await reverts(
      write.refundWithSignature([config, 300n, 0n, await signRefund(accounts.outsider, id, 0n, 300n)]),
      'InvalidSignature',
    );
    await reverts(
      write.refundWithSignature([config, 300n, 1n, await signRefund(accounts.receiverAuthorizer, id, 1n, 300n)]),
      'InvalidRefundNonce',
    );
    const signature = await signRefund(accounts.receiverAuthorizer, id, 0n, 300n);
    await reverts(write.refundWithSignature([config, 301n, 0n, signature]), 'InvalidSignature');
    await mined(write.refundWithSignature([config, 300n, 0n, signature]));
    await reverts(write.refundWithSignature([config, 300n, 0n, signature]), 'InvalidRefundNonce');

    const full = await mined(
      write.refundWithSignature([config, 700n, 1n, await signRefund(accounts.receiverAuthorizer, id, 1n, 700n)]),
    );
    expect(eventsOf(full, BatchSettlement.abi, 'ChannelClosed')[0]?.args).toEqual({ channelId: id, config });
    expect(await getChannel(pub, batchSettlementAddress, { channelId: id })).toMatchObject({ balance: 0n, refundNonce: 2n });
  });

  it('multicall: claims then refunds in one transaction, as the facilitator settles a refund payload', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    const rows = [await claimRow(config, 250n, 250n)];
    const claimCall = {
      abi: BatchSettlement.abi,
      functionName: 'claimWithSignature',
      args: [rows, await signClaimBatch(accounts.receiverAuthorizer, rows)],
    } as const;
    const refundCall = {
      abi: BatchSettlement.abi,
      functionName: 'refundWithSignature',
      args: [config, 10_000n, 0n, await signRefund(accounts.receiverAuthorizer, id, 0n, 10_000n)],
    } as const;
    const payerBefore = await balanceOf(accounts.payer.address);
    await mined(settlementAs('facilitator').write.multicall([[encodeFunctionData(claimCall), encodeFunctionData(refundCall)]]));
    expect(await balanceOf(accounts.payer.address)).toBe(payerBefore + 750n);
    expect(await getChannel(pub, batchSettlementAddress, { channelId: id })).toMatchObject({
      balance: 250n,
      totalClaimed: 250n,
      refundNonce: 1n,
    });
  });
});

describe('BatchSettlement timed withdrawal', () => {
  it('starts, lets the receiver keep claiming during the delay, then pays out what is still unclaimed', async () => {
    const config = channel({ payerAuthorizer: accounts.payerAuthorizer.address });
    const id = await funded(config, 1_000n);
    await mined(settlementAs('receiver').write.claim([[await claimRow(config, 200n, 200n, accounts.payerAuthorizer)]]));

    await reverts(settlementAs('outsider').write.initiateWithdraw([config, 100n]), 'InvalidChannel');
    await reverts(settlementAs('payer').write.initiateWithdraw([config, 0n]), 'NothingToWithdraw');
    await reverts(settlementAs('payer').write.initiateWithdraw([config, 801n]), 'WithdrawAmountExceedsAvailable');
    const started = await mined(settlementAs('payer').write.initiateWithdraw([config, 800n]));
    const startedAt = Number((await pub.getBlock({ blockNumber: started.blockNumber })).timestamp);
    expect(eventsOf(started, BatchSettlement.abi, 'WithdrawInitiated')[0]?.args).toEqual({
      channelId: id,
      amount: 800n,
      finalizeAfter: startedAt + withdrawDelay,
    });
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).withdrawal).toEqual({
      amount: 800n,
      initiatedAt: startedAt,
    });
    await reverts(settlementAs('payerAuthorizer').write.initiateWithdraw([config, 1n]), 'WithdrawalAlreadyPending');
    await reverts(settlementAs('payer').write.finalizeWithdraw([config]), 'WithdrawDelayNotElapsed');

    // Within the delay the receiver claims newer vouchers; the withdrawal will get only what they leave.
    await timeTravel(withdrawDelay / 2);
    await mined(settlementAs('receiver').write.claim([[await claimRow(config, 500n, 500n, accounts.payerAuthorizer)]]));
    await reverts(settlementAs('payer').write.finalizeWithdraw([config]), 'WithdrawDelayNotElapsed');

    await timeTravel(withdrawDelay / 2);
    await reverts(settlementAs('outsider').write.finalizeWithdraw([config]), 'NotAuthorizedToFinalizeWithdraw');
    const payerBefore = await balanceOf(accounts.payer.address);
    const finalized = await mined(settlementAs('payerAuthorizer').write.finalizeWithdraw([config]));
    expect(eventsOf(finalized, BatchSettlement.abi, 'WithdrawFinalized')[0]?.args).toEqual({
      channelId: id,
      sender: accounts.payerAuthorizer.address,
      amount: 500n,
    });
    // Paid to the payer, whoever finalizes.
    expect(await balanceOf(accounts.payer.address)).toBe(payerBefore + 500n);
    expect(await getChannel(pub, batchSettlementAddress, { channelId: id })).toEqual({
      balance: 500n,
      totalClaimed: 500n,
      unclaimed: 0n,
      withdrawal: null,
      refundNonce: 0n,
    });
    await reverts(settlementAs('payer').write.finalizeWithdraw([config]), 'WithdrawalNotPending');
    // The receiver's claimed funds are untouched by the withdrawal.
    await mined(settlementAs('outsider').write.settle([accounts.receiver.address, token]));
  });

  it('a refund shrinks a pending withdrawal, and ends it when it covers it; a drained channel closes', async () => {
    const config = channel();
    const id = await funded(config, 1_000n);
    await mined(settlementAs('payer').write.initiateWithdraw([config, 600n]));
    await mined(settlementAs('receiver').write.refund([config, 200n]));
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).withdrawal?.amount).toBe(400n);
    await mined(settlementAs('receiver').write.refund([config, 400n]));
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).withdrawal).toBeNull();

    await mined(settlementAs('payer').write.initiateWithdraw([config, 400n]));
    await timeTravel(withdrawDelay);
    const finalized = await mined(settlementAs('payer').write.finalizeWithdraw([config]));
    expect(eventsOf(finalized, BatchSettlement.abi, 'ChannelClosed')[0]?.args).toEqual({ channelId: id, config });
    expect((await getChannel(pub, batchSettlementAddress, { channelId: id })).balance).toBe(0n);
  });
});
