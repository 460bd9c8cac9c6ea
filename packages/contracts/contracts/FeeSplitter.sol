// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ModelRegistry} from "./ModelRegistry.sol";
import {NodeRegistry} from "./NodeRegistry.sol";
import {ReceiptRegistry} from "./ReceiptRegistry.sol";

/// @title FeeSplitter
/// @notice The receiver of settled fees (docs/payments.md's fee split). Funds arrive by plain token transfer (a
///         BatchSettlement `settle`); the distributor (the router) then posts a charge root: the Merkle root of the
///         charges it made, one (requestId, modelId, executor, amount) per paid answer, reserving their total out of
///         the funds received. Anyone then claims a charge with its proof under that root and the executor's signed
///         receipt for the request, settled in ReceiptRegistry. Each claimed charge is split into the model
///         publisher's royalty, the verifier pool's and the treasury's shares, and the executor's remainder. Payees
///         pull what they are owed (`withdraw`), or anyone pushes it to them (`withdrawFor`).
/// @dev Trust: the distributor chooses which charges it posts, so it can omit one (an executor holding a receipt for
///      a paid request sees that its charge is missing from the posted roots) and can let a root's unclaimed rest
///      return to the undistributed funds after `chargeClaimWindow`. It cannot pay anyone who has no receipt for the
///      request signed by themselves and settled in ReceiptRegistry, nor more than that receipt's fee, nor twice for
///      one (requestId, executor), nor more than it reserved, nor more than arrived: the contract never owes or
///      reserves more than it holds. The owner sets the shares, the distributor and the claim window.
///      Charge leaf = keccak256(bytes.concat(keccak256(abi.encode(chargeDigest(charge))))), inner nodes hash sorted
///      pairs (OpenZeppelin MerkleProof): the tree protocol's merkle.ts builds over charge digests.
contract FeeSplitter is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint16 public constant BPS = 10_000;

    bytes32 public constant CHARGE_TYPEHASH =
        keccak256("Charge(bytes32 requestId,bytes32 modelId,address executor,uint128 amount)");

    /// @notice One paid answer: `executor` answered `requestId` with `modelId`, and `amount` of its fee is charged.
    struct Charge {
        bytes32 requestId;
        bytes32 modelId;
        address executor;
        uint128 amount;
    }

    /// @notice A charge, its proof under charge root `rootId`, and the executor's receipt for the request with its
    ///         inclusion proof under the root the executor posted to ReceiptRegistry for `epoch`.
    struct ChargeClaim {
        uint256 rootId;
        Charge charge;
        bytes32[] chargeProof;
        ReceiptRegistry.Receipt receipt;
        bytes signature;
        bytes32[] receiptProof;
        uint64 epoch;
    }

    /// @dev Three slots: the root, its reserved total and paid part, when it was posted and whether its rest was
    ///      released.
    struct ChargeRoot {
        bytes32 root;
        uint128 total;
        uint128 paid;
        uint64 postedAt;
        bool released;
    }

    /// @dev One slot per payee, so a credit writes one word. uint128 holds 3.4e20 tokens of 18 decimals.
    struct Balance {
        uint128 owed;
        uint128 earned;
    }

    /// @dev One slot per model: all-time gross paid and royalty credited.
    struct ModelTotals {
        uint128 gross;
        uint128 royalty;
    }

    /// @dev One claimCharges call's caches and sums, in memory so the loop stays within the stack.
    struct Batch {
        uint256 vBps;
        uint256 tBps;
        uint256 royaltyCap;
        // The charge root being claimed from; its `paid` is written back when the batch moves to another root.
        uint256 rootId;
        bytes32 root;
        uint256 total;
        uint256 paid;
        bool rootLoaded;
        // The model of the previous claim (consecutive claims of one model read the registry once).
        bytes32 modelId;
        address publisher;
        uint256 royaltyBps;
        bool modelLoaded;
        uint256 amount;
        uint256 verifierTotal;
        uint256 treasuryTotal;
    }

    IERC20 public immutable token;
    ModelRegistry public immutable modelRegistry;
    NodeRegistry public immutable nodeRegistry;
    ReceiptRegistry public immutable receiptRegistry;
    address public immutable treasury;
    address public immutable verifierPool;

    /// @notice The only address that may post charge roots and release their unclaimed rest (the router's
    ///         settlement account).
    address public distributor;
    uint16 public verifierBps;
    uint16 public treasuryBps;
    /// @notice Seconds after a charge root is posted before the distributor may release what was not claimed.
    uint64 public chargeClaimWindow = 30 days;
    /// @notice Funds credited to payees and not withdrawn yet.
    uint256 public totalOwed;
    /// @notice Funds reserved by charge roots and neither claimed nor released yet.
    uint256 public totalReserved;

    mapping(address payee => Balance) private _balances;
    mapping(bytes32 modelId => ModelTotals) private _models;
    ChargeRoot[] private _chargeRoots;
    /// @dev keccak256(abi.encode(requestId, executor)) => paid, across every root.
    mapping(bytes32 chargeKey => bool) private _chargePaid;

    event ChargesPosted(uint256 indexed rootId, bytes32 root, uint256 total, uint32 count);
    event ChargePaid(
        uint256 indexed rootId,
        bytes32 indexed requestId,
        address indexed executor,
        bytes32 modelId,
        uint256 amount,
        uint256 executorShare,
        uint256 royalty,
        uint256 verifierShare,
        uint256 treasuryShare
    );
    event ChargesReleased(uint256 indexed rootId, uint256 amount);
    event ChargeClaimWindowChanged(uint64 window);
    event Withdrawn(address indexed payee, uint256 amount);
    event SharesChanged(uint16 verifierBps, uint16 treasuryBps);
    event DistributorChanged(address indexed previous, address indexed current);

    error NotDistributor(address caller);
    error ZeroChargeRoot();
    error EmptyCharges();
    error InsufficientUndistributed(uint256 available, uint256 requested);
    error UnknownChargeRoot(uint256 rootId);
    error ChargeRootReleased(uint256 rootId);
    error InvalidChargeProof(uint256 rootId, bytes32 requestId, address executor);
    error ChargeAlreadyPaid(bytes32 requestId, address executor);
    error ReceiptMismatch(bytes32 requestId, address executor);
    error AmountAboveFee(uint256 amount, uint256 fee);
    error ReceiptNotSettled(uint8 status);
    error ChargeRootExhausted(uint256 rootId, uint256 remaining, uint256 amount);
    error ClaimWindowOpen(uint256 rootId, uint256 releasableAt);
    error UnknownModel(bytes32 modelId);
    error SharesTooHigh(uint16 verifierBps, uint16 treasuryBps);
    error NothingOwed(address payee);
    error ZeroAddress();

    constructor(
        address token_,
        address modelRegistry_,
        address nodeRegistry_,
        address receiptRegistry_,
        address distributor_,
        address treasury_,
        address verifierPool_,
        uint16 verifierBps_,
        uint16 treasuryBps_,
        address owner_
    ) Ownable(owner_) {
        if (
            token_ == address(0) || modelRegistry_ == address(0) || nodeRegistry_ == address(0)
                || receiptRegistry_ == address(0) || distributor_ == address(0) || treasury_ == address(0)
                || verifierPool_ == address(0)
        ) revert ZeroAddress();
        token = IERC20(token_);
        modelRegistry = ModelRegistry(modelRegistry_);
        nodeRegistry = NodeRegistry(nodeRegistry_);
        receiptRegistry = ReceiptRegistry(receiptRegistry_);
        treasury = treasury_;
        verifierPool = verifierPool_;
        distributor = distributor_;
        emit DistributorChanged(address(0), distributor_);
        _setShares(verifierBps_, treasuryBps_);
    }

    // ---- distributor ----

    /// @notice Posts the Merkle root of `count` charges totalling `total`, reserving `total` out of the funds
    ///         received and not yet owed or reserved. Returns the root's id (0, 1, ...).
    /// @dev `count` is informational (the event); `total` bounds what claims under the root can pay.
    function postCharges(bytes32 root, uint128 total, uint32 count) external returns (uint256 rootId) {
        if (msg.sender != distributor) revert NotDistributor(msg.sender);
        if (root == bytes32(0)) revert ZeroChargeRoot();
        if (total == 0 || count == 0) revert EmptyCharges();
        uint256 available = undistributed();
        if (total > available) revert InsufficientUndistributed(available, total);
        rootId = _chargeRoots.length;
        _chargeRoots.push(
            ChargeRoot({root: root, total: total, paid: 0, postedAt: uint64(block.timestamp), released: false})
        );
        totalReserved += total;
        emit ChargesPosted(rootId, root, total, count);
    }

    /// @notice Returns what charge root `rootId` reserved and was not claimed to the undistributed funds, once its
    ///         claim window is over; later claims under it revert.
    function releaseCharges(uint256 rootId) external {
        if (msg.sender != distributor) revert NotDistributor(msg.sender);
        if (rootId >= _chargeRoots.length) revert UnknownChargeRoot(rootId);
        ChargeRoot storage stored = _chargeRoots[rootId];
        if (stored.released) revert ChargeRootReleased(rootId);
        uint256 releasableAt = uint256(stored.postedAt) + chargeClaimWindow;
        if (block.timestamp < releasableAt) revert ClaimWindowOpen(rootId, releasableAt);
        uint256 rest = uint256(stored.total) - stored.paid;
        stored.released = true;
        totalReserved -= rest;
        emit ChargesReleased(rootId, rest);
    }

    // ---- claimants ----

    /// @notice Pays each claimed charge: checks it is in its charge root, unpaid, and backed by the executor's receipt
    ///         for the request (same requestId, model and executor, a fee of at least the amount) settled in
    ///         ReceiptRegistry; then splits it. Anyone may call it: the funds go to the payees only.
    /// @dev Royalty, verifier and treasury shares round down; the dust goes to the executor. ModelRegistry allows
    ///      royalties up to 100%, so a model's royalty is capped at what the verifier and treasury shares leave
    ///      (BPS - verifierBps - treasuryBps): the split never exceeds the amount. The verifier pool's and the
    ///      treasury's credits, and consecutive claims' root `paid`, are summed and written once.
    function claimCharges(ChargeClaim[] calldata claims) external nonReentrant {
        Batch memory b;
        b.vBps = verifierBps;
        b.tBps = treasuryBps;
        b.royaltyCap = BPS - b.vBps - b.tBps;
        for (uint256 i = 0; i < claims.length; ++i) {
            _claim(b, claims[i]);
        }
        if (b.rootLoaded) _chargeRoots[b.rootId].paid = uint128(b.paid);
        _credit(verifierPool, b.verifierTotal);
        _credit(treasury, b.treasuryTotal);
        totalReserved -= b.amount;
        totalOwed += b.amount;
    }

    // ---- payees ----

    /// @notice Pays the caller everything it is owed.
    function withdraw() external nonReentrant {
        _withdraw(msg.sender);
    }

    /// @notice Pays `payee` everything it is owed; anyone may call it (the funds go to the payee only).
    function withdrawFor(address payee) external nonReentrant {
        _withdraw(payee);
    }

    // ---- owner ----

    /// @notice Changes the verifier pool's and the treasury's shares of each charge, in basis points.
    function setShares(uint16 verifierBps_, uint16 treasuryBps_) external onlyOwner {
        _setShares(verifierBps_, treasuryBps_);
    }

    function setDistributor(address distributor_) external onlyOwner {
        if (distributor_ == address(0)) revert ZeroAddress();
        emit DistributorChanged(distributor, distributor_);
        distributor = distributor_;
    }

    /// @notice Changes how long executors have to claim a root's charges before its rest may be released; it applies
    ///         to roots already posted too.
    function setChargeClaimWindow(uint64 window) external onlyOwner {
        chargeClaimWindow = window;
        emit ChargeClaimWindowChanged(window);
    }

    // ---- views ----

    /// @notice The digest a charge's Merkle leaf is built from (the TS side's chargeDigest).
    function chargeDigest(Charge calldata charge) public pure returns (bytes32) {
        return keccak256(abi.encode(CHARGE_TYPEHASH, charge.requestId, charge.modelId, charge.executor, charge.amount));
    }

    /// @notice The Merkle leaf of a charge digest: the double hash ReceiptRegistry applies to a receipt digest.
    function chargeLeaf(bytes32 digest) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(digest))));
    }

    /// @notice Charge root `rootId`: the Merkle root, the total it reserved, what was claimed, when it was posted and
    ///         whether its rest was released.
    function chargeRoot(uint256 rootId)
        external
        view
        returns (bytes32 root, uint256 total, uint256 paid, uint64 postedAt, bool released)
    {
        if (rootId >= _chargeRoots.length) revert UnknownChargeRoot(rootId);
        ChargeRoot storage stored = _chargeRoots[rootId];
        return (stored.root, stored.total, stored.paid, stored.postedAt, stored.released);
    }

    function chargeRootCount() external view returns (uint256) {
        return _chargeRoots.length;
    }

    /// @notice True once `executor`'s charge for `requestId` was paid, under any root.
    function isChargePaid(bytes32 requestId, address executor) external view returns (bool) {
        return _chargePaid[_chargeKey(requestId, executor)];
    }

    /// @notice What `payee` can withdraw now.
    function owed(address payee) external view returns (uint256) {
        return _balances[payee].owed;
    }

    /// @notice Everything ever credited to `payee`, withdrawn or not.
    function earned(address payee) external view returns (uint256) {
        return _balances[payee].earned;
    }

    /// @notice All-time gross paid for `modelId`'s charges, and the royalty credited out of it.
    function modelEarnings(bytes32 modelId) external view returns (uint256 gross, uint256 royalty) {
        ModelTotals storage totals = _models[modelId];
        return (totals.gross, totals.royalty);
    }

    /// @notice Funds received and neither owed nor reserved by a charge root: the most `postCharges` can reserve.
    function undistributed() public view returns (uint256) {
        return token.balanceOf(address(this)) - totalOwed - totalReserved;
    }

    // ---- internals ----

    function _claim(Batch memory b, ChargeClaim calldata c) private {
        Charge calldata charge = c.charge;
        uint256 rootId = c.rootId;
        if (!b.rootLoaded || rootId != b.rootId) _loadRoot(b, rootId);
        if (!MerkleProof.verifyCalldata(c.chargeProof, b.root, chargeLeaf(chargeDigest(charge)))) {
            revert InvalidChargeProof(rootId, charge.requestId, charge.executor);
        }
        bytes32 key = _chargeKey(charge.requestId, charge.executor);
        if (_chargePaid[key]) revert ChargeAlreadyPaid(charge.requestId, charge.executor);
        ReceiptRegistry.Receipt calldata receipt = c.receipt;
        if (
            receipt.requestId != charge.requestId || receipt.modelId != charge.modelId
                || receipt.executor != charge.executor
        ) revert ReceiptMismatch(charge.requestId, charge.executor);
        uint256 amount = charge.amount;
        if (amount > receipt.fee) revert AmountAboveFee(amount, receipt.fee);
        ReceiptRegistry.Status status = receiptRegistry.check(receipt, c.signature, c.receiptProof, c.epoch);
        if (status != ReceiptRegistry.Status.Valid) revert ReceiptNotSettled(uint8(status));
        if (b.paid + amount > b.total) revert ChargeRootExhausted(rootId, b.total - b.paid, amount);
        b.paid += amount;
        _chargePaid[key] = true;
        if (!b.modelLoaded || charge.modelId != b.modelId) _loadModel(b, charge.modelId);

        uint256 royalty = amount * b.royaltyBps / BPS;
        uint256 verifierShare = amount * b.vBps / BPS;
        uint256 treasuryShare = amount * b.tBps / BPS;
        uint256 executorShare = amount - royalty - verifierShare - treasuryShare;
        b.amount += amount;
        b.verifierTotal += verifierShare;
        b.treasuryTotal += treasuryShare;
        _credit(charge.executor, executorShare);
        _credit(b.publisher, royalty);
        ModelTotals storage totals = _models[charge.modelId];
        totals.gross += uint128(amount);
        totals.royalty += uint128(royalty);
        emit ChargePaid(
            rootId,
            charge.requestId,
            charge.executor,
            charge.modelId,
            amount,
            executorShare,
            royalty,
            verifierShare,
            treasuryShare
        );
    }

    /// @dev Writes the previous root's `paid` back, then reads `rootId`'s.
    function _loadRoot(Batch memory b, uint256 rootId) private {
        if (b.rootLoaded) _chargeRoots[b.rootId].paid = uint128(b.paid);
        if (rootId >= _chargeRoots.length) revert UnknownChargeRoot(rootId);
        ChargeRoot storage stored = _chargeRoots[rootId];
        if (stored.released) revert ChargeRootReleased(rootId);
        b.rootId = rootId;
        b.root = stored.root;
        b.total = stored.total;
        b.paid = stored.paid;
        b.rootLoaded = true;
    }

    /// @dev getModel reverts for a model never published (one call instead of exists + getModel).
    function _loadModel(Batch memory b, bytes32 modelId) private view {
        ModelRegistry.Model memory model;
        try modelRegistry.getModel(modelId) returns (ModelRegistry.Model memory found) {
            model = found;
        } catch {
            revert UnknownModel(modelId);
        }
        b.modelId = modelId;
        b.publisher = model.publisher;
        b.royaltyBps = model.royaltyBps < b.royaltyCap ? model.royaltyBps : b.royaltyCap;
        b.modelLoaded = true;
    }

    function _chargeKey(bytes32 requestId, address executor) private pure returns (bytes32) {
        return keccak256(abi.encode(requestId, executor));
    }

    function _credit(address payee, uint256 amount) private {
        if (amount == 0) return;
        // A batch's verifier or treasury total is a uint256 sum: cast checked, not truncated.
        uint128 credit = SafeCast.toUint128(amount);
        Balance storage balance = _balances[payee];
        balance.owed += credit;
        balance.earned += credit;
    }

    function _withdraw(address payee) private {
        Balance storage balance = _balances[payee];
        uint256 amount = balance.owed;
        if (amount == 0) revert NothingOwed(payee);
        balance.owed = 0;
        totalOwed -= amount;
        emit Withdrawn(payee, amount);
        token.safeTransfer(payee, amount);
    }

    /// @dev ModelRegistry.MAX_ROYALTY_BPS is 10_000 (a royalty may be 100%), so the bound "verifier + treasury +
    ///      MAX_ROYALTY_BPS <= BPS" would forbid any share; the shares are bounded by BPS instead and the royalty is
    ///      capped at the rest in `claimCharges`.
    function _setShares(uint16 verifierBps_, uint16 treasuryBps_) private {
        if (uint256(verifierBps_) + treasuryBps_ > BPS) revert SharesTooHigh(verifierBps_, treasuryBps_);
        verifierBps = verifierBps_;
        treasuryBps = treasuryBps_;
        emit SharesChanged(verifierBps_, treasuryBps_);
    }
}
