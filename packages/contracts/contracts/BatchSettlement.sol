// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @notice What BatchSettlement calls to pull a deposit: the collector moves `amount` of `token` from `payer` to
///         its caller, by whatever authorization `collectorData` carries (x402's IDepositCollector).
interface IDepositCollector {
    function collect(address payer, address token, uint256 amount, bytes32 channelId, bytes calldata collectorData)
        external;
}

/// @notice The EIP-3009 entry point the ERC-3009 collector uses (the bytes-signature form, which also takes EIP-1271).
interface IERC3009Receive {
    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes memory signature
    ) external;
}

/// @title BatchSettlement
/// @notice The on-chain half of x402 v2's `batch-settlement` scheme (EVM): unidirectional payment channels. A payer
///         deposits into a channel once; each request is paid by an off-chain cumulative voucher ("up to N in total");
///         the receiver side claims the latest vouchers of many channels in one transaction (accounting only) and
///         `settle` sweeps everything claimed for a (receiver, token) in one transfer. Unclaimed escrow goes back to
///         the payer by a cooperative refund, or by a timed withdrawal that gives the receiver `withdrawDelay` seconds
///         to claim what it is owed first.
/// @dev Interface-compatible with x402's x402BatchSettlement as @x402/evm 2.27.0 calls it (function signatures,
///      EIP-712 domain "x402 Batch Settlement"/"1" and types, channel id, events, errors), so the devnet can put this
///      runtime code at the canonical address 0x4020074e9dF2ce1deE5A9C1b5c3f541D02a10003 with anvil_setCode.
///      For that it keeps nothing in storage from its constructor: OpenZeppelin's EIP712 keeps the domain in
///      immutables and rebuilds the separator from address(this) when the code runs at another address, so the
///      verifyingContract is always the address the code runs at. The reentrancy lock is transient (EIP-1153).
///      Invariant per channel: totalClaimed <= balance; balance only falls by refunds and withdrawals, which take
///      at most balance - totalClaimed, and settle pays claimed funds without touching channel balances.
contract BatchSettlement is EIP712, Multicall {
    using SafeERC20 for IERC20;

    /// @notice A channel's immutable terms; its EIP-712 hash under this contract's domain is the channel id.
    struct ChannelConfig {
        address payer;
        /// EOA that signs vouchers (ECDSA), or zero: the payer signs them (EOA or EIP-1271 wallet).
        address payerAuthorizer;
        address receiver;
        /// Signs claim batches and refunds for the receiver side; never zero.
        address receiverAuthorizer;
        address token;
        /// Seconds between initiateWithdraw and finalizeWithdraw, in [MIN_WITHDRAW_DELAY, MAX_WITHDRAW_DELAY].
        uint40 withdrawDelay;
        bytes32 salt;
    }

    struct ChannelState {
        /// Deposited minus refunded and withdrawn (claimed funds stay counted until the channel is drained).
        uint128 balance;
        /// Cumulative amount the receiver side has claimed; only grows.
        uint128 totalClaimed;
    }

    struct WithdrawalState {
        uint128 amount;
        /// When initiateWithdraw ran; zero when no withdrawal is pending.
        uint40 initiatedAt;
    }

    struct ReceiverState {
        uint128 totalClaimed;
        uint128 totalSettled;
    }

    /// @notice What the payer side signs: "the receiver may claim up to maxClaimableAmount in total".
    struct Voucher {
        ChannelConfig channel;
        uint128 maxClaimableAmount;
    }

    /// @notice A voucher, its signature, and the cumulative total the receiver side claims with it.
    struct VoucherClaim {
        Voucher voucher;
        bytes signature;
        uint128 totalClaimed;
    }

    uint40 public constant MIN_WITHDRAW_DELAY = 15 minutes;
    uint40 public constant MAX_WITHDRAW_DELAY = 30 days;

    bytes32 public constant CHANNEL_CONFIG_TYPEHASH = keccak256(
        "ChannelConfig(address payer,address payerAuthorizer,address receiver,address receiverAuthorizer,address token,uint40 withdrawDelay,bytes32 salt)"
    );
    bytes32 public constant VOUCHER_TYPEHASH = keccak256("Voucher(bytes32 channelId,uint128 maxClaimableAmount)");
    bytes32 public constant REFUND_TYPEHASH = keccak256("Refund(bytes32 channelId,uint256 nonce,uint128 amount)");
    bytes32 public constant CLAIM_ENTRY_TYPEHASH =
        keccak256("ClaimEntry(bytes32 channelId,uint128 maxClaimableAmount,uint128 totalClaimed)");
    /// @dev EIP-712 appends the referenced struct's type to the primary type.
    bytes32 public constant CLAIM_BATCH_TYPEHASH = keccak256(
        "ClaimBatch(ClaimEntry[] claims)ClaimEntry(bytes32 channelId,uint128 maxClaimableAmount,uint128 totalClaimed)"
    );

    /// @dev The reentrancy lock, in transient storage (EIP-1153): cleared when the transaction ends, never stored.
    bool private transient _entered;

    mapping(bytes32 channelId => ChannelState) public channels;
    /// @notice The nonce the next refundWithSignature must carry; every refund (signed or direct) advances it.
    mapping(bytes32 channelId => uint256) public refundNonce;
    mapping(bytes32 channelId => WithdrawalState) public pendingWithdrawals;
    mapping(address receiver => mapping(address token => ReceiverState)) public receivers;

    /// @notice A deposit into a channel with no escrow (first deposit, or after it was drained).
    event ChannelCreated(bytes32 indexed channelId, ChannelConfig config);
    /// @notice A refund or withdrawal left the channel with no balance (and so nothing claimed).
    event ChannelClosed(bytes32 indexed channelId, ChannelConfig config);
    event Deposited(bytes32 indexed channelId, address indexed sender, uint128 amount, uint128 newBalance);
    event Claimed(bytes32 indexed channelId, address indexed sender, uint128 claimAmount, uint128 newTotalClaimed);
    event Settled(address indexed receiver, address indexed token, address indexed sender, uint128 amount);
    event Refunded(bytes32 indexed channelId, address indexed sender, uint128 amount);
    event WithdrawInitiated(bytes32 indexed channelId, uint128 amount, uint40 finalizeAfter);
    event WithdrawFinalized(bytes32 indexed channelId, address indexed sender, uint128 amount);

    /// A zero payer, receiver, receiverAuthorizer or token; also: initiateWithdraw by someone not on the payer side.
    error InvalidChannel();
    error ZeroDeposit();
    error DepositOverflow();
    error InvalidSignature();
    /// claimWithSignature rows must share the first row's receiverAuthorizer.
    error NotReceiverAuthorizer();
    error NotAuthorizedToClaim();
    error NotAuthorizedToRefund();
    /// The claimed total is above the voucher's maxClaimableAmount.
    error ClaimExceedsCeiling();
    /// The claimed total is above the channel's balance.
    error ClaimExceedsBalance();
    error WithdrawalAlreadyPending();
    error WithdrawalNotPending();
    error NotAuthorizedToFinalizeWithdraw();
    error WithdrawDelayNotElapsed();
    error NothingToWithdraw();
    error WithdrawAmountExceedsAvailable();
    error WithdrawDelayOutOfRange();
    error EmptyBatch();
    /// The collector did not raise this contract's token balance by exactly the deposit.
    error DepositCollectionFailed();
    error InvalidCollector();
    error InvalidRefundNonce();
    error ZeroRefund();
    /// Same error (and selector) as OpenZeppelin's guards.
    error ReentrancyGuardReentrantCall();

    constructor() EIP712("x402 Batch Settlement", "1") {}

    /// @dev Every state-changing entry point takes the lock, so a token or collector cannot call back into any of
    ///      them mid-operation (multicall does not: its delegatecalls run the entry points one after another).
    ///      A transient state variable rather than OpenZeppelin's ReentrancyGuardTransient, whose inline `tstore`
    ///      draws a solc warning, and the build rejects warnings.
    modifier nonReentrant() {
        if (_entered) revert ReentrancyGuardReentrantCall();
        _entered = true;
        _;
        _entered = false;
    }

    // ---- deposits ----

    /// @notice Adds `amount` to the channel of `config`, pulled from the payer by `collector` (the ERC-3009 one:
    ///         collectorData = abi.encode(validAfter, validBefore, salt, signature) of a ReceiveWithAuthorization to
    ///         the collector with nonce keccak256(abi.encode(channelId, salt))). Anyone may submit it.
    function deposit(ChannelConfig calldata config, uint128 amount, address collector, bytes calldata collectorData)
        external
        nonReentrant
    {
        if (
            config.payer == address(0) || config.receiver == address(0) || config.receiverAuthorizer == address(0)
                || config.token == address(0)
        ) revert InvalidChannel();
        if (config.withdrawDelay < MIN_WITHDRAW_DELAY || config.withdrawDelay > MAX_WITHDRAW_DELAY) {
            revert WithdrawDelayOutOfRange();
        }
        if (amount == 0) revert ZeroDeposit();
        if (collector == address(0)) revert InvalidCollector();

        bytes32 channelId = getChannelId(config);
        ChannelState storage channel = channels[channelId];
        uint128 previous = channel.balance;
        if (amount > type(uint128).max - previous) revert DepositOverflow();
        channel.balance = previous + amount;

        // The collector is untrusted: what counts is what arrived.
        IERC20 token = IERC20(config.token);
        uint256 before = token.balanceOf(address(this));
        IDepositCollector(collector).collect(config.payer, config.token, amount, channelId, collectorData);
        if (token.balanceOf(address(this)) != before + amount) revert DepositCollectionFailed();

        if (previous == 0) emit ChannelCreated(channelId, config);
        emit Deposited(channelId, msg.sender, amount, previous + amount);
    }

    // ---- claims and settlement ----

    /// @notice Records the receiver side's claims; the caller must be each row's receiver or receiverAuthorizer.
    function claim(VoucherClaim[] calldata voucherClaims) external nonReentrant {
        if (voucherClaims.length == 0) revert EmptyBatch();
        for (uint256 i = 0; i < voucherClaims.length; ++i) {
            ChannelConfig calldata config = voucherClaims[i].voucher.channel;
            if (!_isReceiverSide(msg.sender, config)) revert NotAuthorizedToClaim();
            uint256 mark = _memoryMark();
            _claim(voucherClaims[i], getChannelId(config));
            _release(mark);
        }
    }

    /// @notice Records claims that the rows' common receiverAuthorizer signed as a ClaimBatch; anyone may relay it.
    /// @dev Each row's channel id is hashed once, for the batch digest and the claim. Memory a row's hashing
    ///      allocates is released after it (`_release`): Solidity never frees memory, and its cost grows with the
    ///      square of its size, so a batch of 1,000 rows would otherwise pay ~3.7k gas more per row than one of 100.
    function claimWithSignature(VoucherClaim[] calldata voucherClaims, bytes calldata authorizerSignature)
        external
        nonReentrant
    {
        if (voucherClaims.length == 0) revert EmptyBatch();
        address authorizer = voucherClaims[0].voucher.channel.receiverAuthorizer;
        bytes32[] memory channelIds = new bytes32[](voucherClaims.length);
        bytes32 digest = _claimBatchDigest(voucherClaims, channelIds);
        if (!SignatureChecker.isValidSignatureNowCalldata(authorizer, digest, authorizerSignature)) {
            revert InvalidSignature();
        }
        for (uint256 i = 0; i < voucherClaims.length; ++i) {
            if (voucherClaims[i].voucher.channel.receiverAuthorizer != authorizer) revert NotReceiverAuthorizer();
            uint256 mark = _memoryMark();
            _claim(voucherClaims[i], channelIds[i]);
            _release(mark);
        }
    }

    /// @notice Pays `receiver` everything claimed for it in `token` and not yet paid, in one transfer. Permissionless;
    ///         a no-op when nothing is due.
    function settle(address receiver, address token) external nonReentrant {
        ReceiverState storage state = receivers[receiver][token];
        uint128 amount = state.totalClaimed - state.totalSettled;
        if (amount == 0) return;
        state.totalSettled = state.totalClaimed;
        IERC20(token).safeTransfer(receiver, amount);
        emit Settled(receiver, token, msg.sender, amount);
    }

    // ---- timed withdrawal (the payer's escape hatch) ----

    /// @notice Starts withdrawing `amount` of the unclaimed escrow; payer or payerAuthorizer only. The receiver side
    ///         can still claim until finalizeWithdraw, which pays out at most what is then unclaimed.
    function initiateWithdraw(ChannelConfig calldata config, uint128 amount) external nonReentrant {
        if (!_isPayerSide(msg.sender, config)) revert InvalidChannel();
        if (amount == 0) revert NothingToWithdraw();
        bytes32 channelId = getChannelId(config);
        WithdrawalState storage withdrawal = pendingWithdrawals[channelId];
        if (withdrawal.initiatedAt != 0) revert WithdrawalAlreadyPending();
        ChannelState storage channel = channels[channelId];
        if (amount > channel.balance - channel.totalClaimed) revert WithdrawAmountExceedsAvailable();
        withdrawal.amount = amount;
        withdrawal.initiatedAt = uint40(block.timestamp);
        emit WithdrawInitiated(channelId, amount, uint40(block.timestamp) + config.withdrawDelay);
    }

    /// @notice Completes a pending withdrawal once withdrawDelay has passed; payer or payerAuthorizer only. Pays the
    ///         payer the requested amount, capped at the escrow still unclaimed.
    function finalizeWithdraw(ChannelConfig calldata config) external nonReentrant {
        if (!_isPayerSide(msg.sender, config)) revert NotAuthorizedToFinalizeWithdraw();
        bytes32 channelId = getChannelId(config);
        WithdrawalState storage withdrawal = pendingWithdrawals[channelId];
        uint40 initiatedAt = withdrawal.initiatedAt;
        if (initiatedAt == 0) revert WithdrawalNotPending();
        if (block.timestamp < uint256(initiatedAt) + config.withdrawDelay) revert WithdrawDelayNotElapsed();

        ChannelState storage channel = channels[channelId];
        uint128 amount = _min(withdrawal.amount, channel.balance - channel.totalClaimed);
        delete pendingWithdrawals[channelId];
        channel.balance -= amount;
        emit WithdrawFinalized(channelId, msg.sender, amount);
        if (channel.balance == 0) emit ChannelClosed(channelId, config);
        if (amount > 0) IERC20(config.token).safeTransfer(config.payer, amount);
    }

    // ---- cooperative refund ----

    /// @notice Returns up to `amount` of the unclaimed escrow to the payer; receiver or receiverAuthorizer only.
    function refund(ChannelConfig calldata config, uint128 amount) external nonReentrant {
        if (!_isReceiverSide(msg.sender, config)) revert NotAuthorizedToRefund();
        _refund(config, amount);
    }

    /// @notice `refund` authorized by the receiverAuthorizer's EIP-712 Refund signature at the channel's current
    ///         refund nonce; anyone may relay it.
    function refundWithSignature(
        ChannelConfig calldata config,
        uint128 amount,
        uint256 nonce,
        bytes calldata receiverAuthorizerSignature
    ) external nonReentrant {
        bytes32 channelId = getChannelId(config);
        if (nonce != refundNonce[channelId]) revert InvalidRefundNonce();
        bytes32 digest = getRefundDigest(channelId, nonce, amount);
        if (!SignatureChecker.isValidSignatureNowCalldata(config.receiverAuthorizer, digest, receiverAuthorizerSignature))
        {
            revert InvalidSignature();
        }
        _refund(config, amount);
    }

    // ---- views ----

    /// @notice The channel id: the EIP-712 hash of `config` under this contract's domain, so the same terms give
    ///         different channels on different chains or contracts.
    function getChannelId(ChannelConfig calldata config) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    CHANNEL_CONFIG_TYPEHASH,
                    config.payer,
                    config.payerAuthorizer,
                    config.receiver,
                    config.receiverAuthorizer,
                    config.token,
                    config.withdrawDelay,
                    config.salt
                )
            )
        );
    }

    /// @notice The digest a payer (or its payerAuthorizer) signs for a Voucher.
    function getVoucherDigest(bytes32 channelId, uint128 maxClaimableAmount) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, channelId, maxClaimableAmount)));
    }

    /// @notice The digest a receiverAuthorizer signs for a Refund.
    function getRefundDigest(bytes32 channelId, uint256 nonce, uint128 amount) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(REFUND_TYPEHASH, channelId, nonce, amount)));
    }

    /// @notice The digest a receiverAuthorizer signs for a ClaimBatch of these rows (defined for an empty batch too).
    function getClaimBatchDigest(VoucherClaim[] calldata voucherClaims) public view returns (bytes32) {
        return _claimBatchDigest(voucherClaims, new bytes32[](voucherClaims.length));
    }

    /// @notice The runtime code of the ERC-3009 deposit collector that serves this contract at the canonical
    ///         address, for a devnet to install at 0x4020806089470a89826cB9fB1f4059150b550004 with anvil_setCode.
    function erc3009DepositCollectorCode() external pure returns (bytes memory) {
        return type(ERC3009DepositCollector).runtimeCode;
    }

    // ---- internals ----

    function _isReceiverSide(address account, ChannelConfig calldata config) private pure returns (bool) {
        return account == config.receiver || account == config.receiverAuthorizer;
    }

    function _isPayerSide(address account, ChannelConfig calldata config) private pure returns (bool) {
        return account == config.payer || account == config.payerAuthorizer;
    }

    /// @dev The ClaimBatch digest of `voucherClaims`, writing each row's channel id into `channelIds`. EIP-712 encodes
    ///      an array of structs as the hash of its members' hashes, concatenated (here hashed in place).
    function _claimBatchDigest(VoucherClaim[] calldata voucherClaims, bytes32[] memory channelIds)
        private
        view
        returns (bytes32)
    {
        uint256 n = voucherClaims.length;
        bytes32[] memory entries = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 mark = _memoryMark();
            VoucherClaim calldata row = voucherClaims[i];
            bytes32 channelId = getChannelId(row.voucher.channel);
            channelIds[i] = channelId;
            entries[i] = keccak256(
                abi.encode(CLAIM_ENTRY_TYPEHASH, channelId, row.voucher.maxClaimableAmount, row.totalClaimed)
            );
            _release(mark);
        }
        bytes32 entriesHash;
        assembly ("memory-safe") {
            entriesHash := keccak256(add(entries, 0x20), mul(n, 0x20))
        }
        return _hashTypedDataV4(keccak256(abi.encode(CLAIM_BATCH_TYPEHASH, entriesHash)));
    }

    /// @dev The free memory pointer now: what `_release` returns to.
    function _memoryMark() private pure returns (uint256 mark) {
        assembly ("memory-safe") {
            mark := mload(0x40)
        }
    }

    /// @dev Frees the memory allocated since `mark`: only for temporaries nothing reads after.
    function _release(uint256 mark) private pure {
        assembly ("memory-safe") {
            mstore(0x40, mark)
        }
    }

    /// @dev A row at or below the recorded total changes nothing (an old or replayed voucher), without checks.
    function _claim(VoucherClaim calldata row, bytes32 channelId) private {
        ChannelConfig calldata config = row.voucher.channel;
        ChannelState storage channel = channels[channelId];
        uint128 previous = channel.totalClaimed;
        uint128 total = row.totalClaimed;
        if (total <= previous) return;
        if (total > row.voucher.maxClaimableAmount) revert ClaimExceedsCeiling();
        if (total > channel.balance) revert ClaimExceedsBalance();
        if (!_isPayerSignature(config, getVoucherDigest(channelId, row.voucher.maxClaimableAmount), row.signature)) {
            revert InvalidSignature();
        }
        uint128 delta = total - previous;
        channel.totalClaimed = total;
        receivers[config.receiver][config.token].totalClaimed += delta;
        emit Claimed(channelId, msg.sender, delta, total);
    }

    /// @dev A payerAuthorizer is an EOA (plain ECDSA, no call); without one the payer signs, possibly via EIP-1271.
    function _isPayerSignature(ChannelConfig calldata config, bytes32 digest, bytes calldata signature)
        private
        view
        returns (bool)
    {
        if (config.payerAuthorizer == address(0)) {
            return SignatureChecker.isValidSignatureNowCalldata(config.payer, digest, signature);
        }
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        return err == ECDSA.RecoverError.NoError && signer == config.payerAuthorizer;
    }

    /// @dev The refund nonce advances first, even when nothing is left to refund: every refund invalidates Refund
    ///      signatures made for the previous nonce. A pending withdrawal shrinks by the refund (ends if covered).
    function _refund(ChannelConfig calldata config, uint128 amount) private {
        if (amount == 0) revert ZeroRefund();
        bytes32 channelId = getChannelId(config);
        ++refundNonce[channelId];

        ChannelState storage channel = channels[channelId];
        uint128 refunded = _min(amount, channel.balance - channel.totalClaimed);
        if (refunded == 0) return;
        channel.balance -= refunded;

        WithdrawalState storage withdrawal = pendingWithdrawals[channelId];
        if (withdrawal.initiatedAt != 0) {
            if (refunded >= withdrawal.amount) delete pendingWithdrawals[channelId];
            else withdrawal.amount -= refunded;
        }

        emit Refunded(channelId, msg.sender, refunded);
        if (channel.balance == 0) emit ChannelClosed(channelId, config);
        IERC20(config.token).safeTransfer(config.payer, refunded);
    }

    function _min(uint128 a, uint128 b) private pure returns (uint128) {
        return a < b ? a : b;
    }
}

/// @title ERC3009DepositCollector
/// @notice Pulls a batch-settlement deposit with the payer's EIP-3009 ReceiveWithAuthorization (addressed to this
///         collector, as the x402 client signs it) and forwards it to the canonical BatchSettlement.
/// @dev Runs at x402's canonical collector address (installed from BatchSettlement.erc3009DepositCollectorCode()).
///      Only the canonical settlement may call `collect`: otherwise anyone holding a payer's authorization could pull
///      the funds to themselves. The settlement is a constant, not an immutable, so the runtime code is complete.
contract ERC3009DepositCollector is IDepositCollector {
    using SafeERC20 for IERC20;

    /// @notice The settlement this collector serves (x402's canonical x402BatchSettlement address).
    address public constant x402BatchSettlement = 0x4020074e9dF2ce1deE5A9C1b5c3f541D02a10003;

    error OnlyX402BatchSettlement();

    /// @param collectorData abi.encode(uint256 validAfter, uint256 validBefore, uint256 salt, bytes signature); the
    ///        authorization's nonce is keccak256(abi.encode(channelId, salt)), which binds it to this one channel.
    function collect(address payer, address token, uint256 amount, bytes32 channelId, bytes calldata collectorData)
        external
    {
        if (msg.sender != x402BatchSettlement) revert OnlyX402BatchSettlement();
        (uint256 validAfter, uint256 validBefore, uint256 salt, bytes memory signature) =
            abi.decode(collectorData, (uint256, uint256, uint256, bytes));
        bytes32 nonce = keccak256(abi.encode(channelId, salt));
        IERC3009Receive(token).receiveWithAuthorization(
            payer, address(this), amount, validAfter, validBefore, nonce, signature
        );
        IERC20(token).safeTransfer(msg.sender, amount);
    }
}
