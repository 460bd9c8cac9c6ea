// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ModelRegistry} from "./ModelRegistry.sol";
import {NodeRegistry} from "./NodeRegistry.sol";

/// @title FeeSplitter
/// @notice The receiver of settled fees (a first version of docs/payments.md's fee split). Funds arrive by plain
///         token transfer (a BatchSettlement `settle`); the distributor (the router) then allocates them per
///         (executor, model), and each allocation is split into the model publisher's royalty, the verifier pool's
///         and the treasury's shares, and the executor's remainder. Payees pull what they are owed (`withdraw`), or
///         anyone pushes it to them (`withdrawFor`).
/// @dev Trusts the distributor to allocate honestly: this version takes the allocations as given, without the
///      charge root and receipt proofs of the full design. It can only allocate what arrived and is not yet owed, so
///      it can never make the contract owe more than it holds.
contract FeeSplitter is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint16 public constant BPS = 10_000;

    struct Allocation {
        address executor;
        bytes32 modelId;
        uint128 amount;
    }

    /// @dev One slot per payee, so a credit writes one word. uint128 holds 3.4e20 tokens of 18 decimals.
    struct Balance {
        uint128 owed;
        uint128 earned;
    }

    /// @dev One slot per model: all-time gross allocated and royalty credited.
    struct ModelTotals {
        uint128 gross;
        uint128 royalty;
    }

    IERC20 public immutable token;
    ModelRegistry public immutable modelRegistry;
    NodeRegistry public immutable nodeRegistry;
    address public immutable treasury;
    address public immutable verifierPool;

    /// @notice The only address that may allocate funds (the router's settlement account).
    address public distributor;
    uint16 public verifierBps;
    uint16 public treasuryBps;
    uint256 public totalOwed;

    mapping(address payee => Balance) private _balances;
    mapping(bytes32 modelId => ModelTotals) private _models;

    event Distributed(
        address indexed executor,
        bytes32 indexed modelId,
        uint256 amount,
        uint256 executorShare,
        uint256 royalty,
        uint256 verifierShare,
        uint256 treasuryShare
    );
    event Withdrawn(address indexed payee, uint256 amount);
    event SharesChanged(uint16 verifierBps, uint16 treasuryBps);
    event DistributorChanged(address indexed previous, address indexed current);

    error NotDistributor(address caller);
    error InsufficientUndistributed(uint256 available, uint256 requested);
    error UnknownExecutor(address executor);
    error UnknownModel(bytes32 modelId);
    error SharesTooHigh(uint16 verifierBps, uint16 treasuryBps);
    error NothingOwed(address payee);
    error ZeroAddress();

    constructor(
        address token_,
        address modelRegistry_,
        address nodeRegistry_,
        address distributor_,
        address treasury_,
        address verifierPool_,
        uint16 verifierBps_,
        uint16 treasuryBps_,
        address owner_
    ) Ownable(owner_) {
        if (
            token_ == address(0) || modelRegistry_ == address(0) || nodeRegistry_ == address(0)
                || distributor_ == address(0) || treasury_ == address(0) || verifierPool_ == address(0)
        ) revert ZeroAddress();
        token = IERC20(token_);
        modelRegistry = ModelRegistry(modelRegistry_);
        nodeRegistry = NodeRegistry(nodeRegistry_);
        treasury = treasury_;
        verifierPool = verifierPool_;
        distributor = distributor_;
        emit DistributorChanged(address(0), distributor_);
        _setShares(verifierBps_, treasuryBps_);
    }

    // ---- distributor ----

    /// @notice Splits each allocation's amount out of the funds received and not yet owed.
    /// @dev Royalty, verifier and treasury shares round down; the dust goes to the executor. ModelRegistry allows
    ///      royalties up to 100%, so a model's royalty is capped at what the verifier and treasury shares leave
    ///      (BPS - verifierBps - treasuryBps): the split never exceeds the amount. The verifier pool's and the
    ///      treasury's credits are summed over the batch and written once.
    function distribute(Allocation[] calldata allocations) external nonReentrant {
        if (msg.sender != distributor) revert NotDistributor(msg.sender);
        uint256 vBps = verifierBps;
        uint256 tBps = treasuryBps;
        uint256 royaltyCap = BPS - vBps - tBps;

        uint256 total;
        uint256 verifierTotal;
        uint256 treasuryTotal;
        // Consecutive allocations of one model (the common case in a batch) read the registry once.
        bytes32 cachedModel;
        address publisher;
        uint256 royaltyBps;
        for (uint256 i = 0; i < allocations.length; ++i) {
            Allocation calldata a = allocations[i];
            if (!nodeRegistry.isRegistered(a.executor)) revert UnknownExecutor(a.executor);
            if (a.modelId != cachedModel || i == 0) {
                if (!modelRegistry.exists(a.modelId)) revert UnknownModel(a.modelId);
                ModelRegistry.Model memory model = modelRegistry.getModel(a.modelId);
                cachedModel = a.modelId;
                publisher = model.publisher;
                royaltyBps = model.royaltyBps < royaltyCap ? model.royaltyBps : royaltyCap;
            }
            uint256 amount = a.amount;
            uint256 royalty = amount * royaltyBps / BPS;
            uint256 verifierShare = amount * vBps / BPS;
            uint256 treasuryShare = amount * tBps / BPS;
            uint256 executorShare = amount - royalty - verifierShare - treasuryShare;

            total += amount;
            verifierTotal += verifierShare;
            treasuryTotal += treasuryShare;
            _credit(a.executor, executorShare);
            _credit(publisher, royalty);
            ModelTotals storage totals = _models[a.modelId];
            totals.gross += uint128(amount);
            totals.royalty += uint128(royalty);
            emit Distributed(a.executor, a.modelId, amount, executorShare, royalty, verifierShare, treasuryShare);
        }
        _credit(verifierPool, verifierTotal);
        _credit(treasury, treasuryTotal);

        uint256 available = undistributed();
        if (total > available) revert InsufficientUndistributed(available, total);
        totalOwed += total;
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

    /// @notice Changes the verifier pool's and the treasury's shares of each allocation, in basis points.
    function setShares(uint16 verifierBps_, uint16 treasuryBps_) external onlyOwner {
        _setShares(verifierBps_, treasuryBps_);
    }

    function setDistributor(address distributor_) external onlyOwner {
        if (distributor_ == address(0)) revert ZeroAddress();
        emit DistributorChanged(distributor, distributor_);
        distributor = distributor_;
    }

    // ---- views ----

    /// @notice What `payee` can withdraw now.
    function owed(address payee) external view returns (uint256) {
        return _balances[payee].owed;
    }

    /// @notice Everything ever credited to `payee`, withdrawn or not.
    function earned(address payee) external view returns (uint256) {
        return _balances[payee].earned;
    }

    /// @notice All-time gross allocated to `modelId`, and the royalty credited out of it.
    function modelEarnings(bytes32 modelId) external view returns (uint256 gross, uint256 royalty) {
        ModelTotals storage totals = _models[modelId];
        return (totals.gross, totals.royalty);
    }

    /// @notice Funds received and not yet allocated.
    function undistributed() public view returns (uint256) {
        return token.balanceOf(address(this)) - totalOwed;
    }

    // ---- internals ----

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
    ///      capped at the rest in `distribute`.
    function _setShares(uint16 verifierBps_, uint16 treasuryBps_) private {
        if (uint256(verifierBps_) + treasuryBps_ > BPS) revert SharesTooHigh(verifierBps_, treasuryBps_);
        verifierBps = verifierBps_;
        treasuryBps = treasuryBps_;
        emit SharesChanged(verifierBps_, treasuryBps_);
    }
}
