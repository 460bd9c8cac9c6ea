// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ModelRegistry} from "./ModelRegistry.sol";

/// @title NodeRegistry
/// @notice Compute nodes: an operator stakes the token to register an endpoint, a price and the models it serves,
///         then heartbeats. Routers list the nodes and route only to active ones (see `isActive`). Unstaking takes
///         `unstakeDelay` seconds, during which the stake can still be slashed; only `slasher` (the dispute logic)
///         can slash.
contract NodeRegistry is Ownable {
    using SafeERC20 for ERC20Burnable;

    uint256 public constant MAX_ENDPOINT_LENGTH = 256;
    uint256 public constant MAX_MODELS = 256;
    uint16 public constant MAX_BPS = 10_000;

    /// @dev Packed: the first four fields share one slot, so a heartbeat writes one word.
    struct Node {
        uint64 registeredAt;
        uint64 lastHeartbeat;
        /// 0 when not unstaking; else when the stake can be withdrawn.
        uint64 unstakeAvailableAt;
        bool registered;
        uint256 stake;
        uint256 priceWei;
        uint256 inputTokenPriceWei;
        uint256 outputTokenPriceWei;
        string endpoint;
        bytes32[] modelIds;
    }

    /// @notice What `getNode` returns: the stored node and what follows from it now.
    struct NodeInfo {
        address operator;
        string endpoint;
        uint256 priceWei;
        uint256 inputTokenPriceWei;
        uint256 outputTokenPriceWei;
        uint256 stake;
        bytes32[] modelIds;
        uint64 registeredAt;
        uint64 lastHeartbeat;
        uint64 unstakeAvailableAt;
        bool registered;
        bool unstaking;
        bool active;
    }

    ERC20Burnable public immutable token;
    ModelRegistry public immutable models;

    uint256 public minStake;
    /// @notice Seconds after its last heartbeat that a node stays active.
    uint64 public livenessWindow;
    /// @notice Seconds between `requestUnstake` and `withdrawStake`.
    uint64 public unstakeDelay;
    /// @notice Share of a slash paid to its recipient, in basis points; the rest is burned.
    uint16 public slashRewardBps;
    /// @notice The only address that can slash (the dispute contract).
    address public slasher;

    mapping(address operator => Node) private _nodes;
    mapping(address operator => bool) private _listed;
    address[] private _operators;

    event NodeRegistered(
        address indexed operator,
        string endpoint,
        uint256 priceWei,
        uint256 inputTokenPriceWei,
        uint256 outputTokenPriceWei,
        uint256 stake,
        bytes32[] modelIds
    );
    event NodeUpdated(address indexed operator, string endpoint, uint256 priceWei, uint256 inputTokenPriceWei, uint256 outputTokenPriceWei);
    event ModelsSet(address indexed operator, bytes32[] modelIds);
    event StakeAdded(address indexed operator, uint256 amount, uint256 stake);
    event Heartbeat(address indexed operator, uint64 timestamp);
    event UnstakeRequested(address indexed operator, uint256 stake, uint64 availableAt);
    event StakeWithdrawn(address indexed operator, uint256 amount);
    event Slashed(address indexed operator, address indexed recipient, uint256 amount, uint256 rewarded, uint256 burned);
    event SlasherChanged(address indexed previous, address indexed current);
    event ParametersChanged(uint256 minStake, uint64 livenessWindow, uint64 unstakeDelay, uint16 slashRewardBps);

    error AlreadyRegistered(address operator);
    error NotRegistered(address operator);
    error UnknownOperator(address operator);
    error StakeTooLow(uint256 stake, uint256 minStake);
    error ZeroAmount();
    error InvalidEndpoint();
    error TooManyModels(uint256 count, uint256 max);
    /// modelIds must be strictly ascending: cheap to check, and it rules out duplicates.
    error ModelIdsNotSorted(uint256 index);
    error UnknownModel(bytes32 modelId);
    error DeprecatedModel(bytes32 modelId);
    error Unstaking(address operator);
    error NotUnstaking(address operator);
    error UnstakeLocked(uint64 availableAt);
    error NotSlasher(address caller);
    error NothingToSlash(address operator);
    error InvalidParameters();
    error IndexOutOfRange(uint256 index, uint256 count);

    constructor(
        ERC20Burnable token_,
        ModelRegistry models_,
        uint256 minStake_,
        uint64 livenessWindow_,
        uint64 unstakeDelay_,
        uint16 slashRewardBps_,
        address initialOwner
    ) Ownable(initialOwner) {
        token = token_;
        models = models_;
        _setParameters(minStake_, livenessWindow_, unstakeDelay_, slashRewardBps_);
    }

    // ---- operators ----

    /// @notice Registers the caller's node, pulling `stake` tokens (approve first). Counts as a heartbeat. The node
    ///         asks `priceWei` per answer plus, for a language model's answer, the two token prices times its prompt
    ///         and generated tokens (each part raised to the model's published one when that is higher).
    function register(
        string calldata endpoint,
        uint256 priceWei,
        uint256 inputTokenPriceWei,
        uint256 outputTokenPriceWei,
        bytes32[] calldata modelIds,
        uint256 stake
    ) external {
        Node storage node = _nodes[msg.sender];
        if (node.registered) revert AlreadyRegistered(msg.sender);
        if (stake < minStake) revert StakeTooLow(stake, minStake);
        _checkEndpoint(endpoint);
        _checkModels(modelIds);

        node.registered = true;
        node.registeredAt = uint64(block.timestamp);
        node.lastHeartbeat = uint64(block.timestamp);
        node.unstakeAvailableAt = 0;
        node.stake = stake;
        node.priceWei = priceWei;
        node.inputTokenPriceWei = inputTokenPriceWei;
        node.outputTokenPriceWei = outputTokenPriceWei;
        node.endpoint = endpoint;
        node.modelIds = modelIds;
        if (!_listed[msg.sender]) {
            _listed[msg.sender] = true;
            _operators.push(msg.sender);
        }
        token.safeTransferFrom(msg.sender, address(this), stake);
        emit NodeRegistered(msg.sender, endpoint, priceWei, inputTokenPriceWei, outputTokenPriceWei, stake, modelIds);
        emit Heartbeat(msg.sender, uint64(block.timestamp));
    }

    function update(string calldata endpoint, uint256 priceWei, uint256 inputTokenPriceWei, uint256 outputTokenPriceWei)
        external
    {
        Node storage node = _serving(msg.sender);
        _checkEndpoint(endpoint);
        node.endpoint = endpoint;
        node.priceWei = priceWei;
        node.inputTokenPriceWei = inputTokenPriceWei;
        node.outputTokenPriceWei = outputTokenPriceWei;
        emit NodeUpdated(msg.sender, endpoint, priceWei, inputTokenPriceWei, outputTokenPriceWei);
    }

    /// @notice Replaces the list of models the node serves (strictly ascending ids).
    function setModels(bytes32[] calldata modelIds) external {
        Node storage node = _serving(msg.sender);
        _checkModels(modelIds);
        node.modelIds = modelIds;
        emit ModelsSet(msg.sender, modelIds);
    }

    function addStake(uint256 amount) external {
        Node storage node = _serving(msg.sender);
        if (amount == 0) revert ZeroAmount();
        node.stake += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit StakeAdded(msg.sender, amount, node.stake);
    }

    function heartbeat() external {
        Node storage node = _serving(msg.sender);
        node.lastHeartbeat = uint64(block.timestamp);
        emit Heartbeat(msg.sender, uint64(block.timestamp));
    }

    /// @notice Leaves the network: the node is inactive at once; the stake can be withdrawn after `unstakeDelay`
    ///         and stays slashable until then.
    function requestUnstake() external {
        Node storage node = _serving(msg.sender);
        uint64 availableAt = uint64(block.timestamp) + unstakeDelay;
        node.unstakeAvailableAt = availableAt;
        emit UnstakeRequested(msg.sender, node.stake, availableAt);
    }

    /// @notice Returns the whole stake and deregisters the node (it may register again later).
    function withdrawStake() external {
        Node storage node = _nodes[msg.sender];
        if (!node.registered) revert NotRegistered(msg.sender);
        uint64 availableAt = node.unstakeAvailableAt;
        if (availableAt == 0) revert NotUnstaking(msg.sender);
        if (block.timestamp < availableAt) revert UnstakeLocked(availableAt);
        uint256 amount = node.stake;
        node.stake = 0;
        node.registered = false;
        node.unstakeAvailableAt = 0;
        delete node.modelIds;
        if (amount > 0) token.safeTransfer(msg.sender, amount);
        emit StakeWithdrawn(msg.sender, amount);
    }

    // ---- dispute hook ----

    /// @notice Takes up to `amount` from the operator's stake (all of it if less): `slashRewardBps` of it goes to
    ///         `recipient` (the challenger), the rest is burned. All is burned when `recipient` is the zero address.
    function slash(address operator, uint256 amount, address recipient) external returns (uint256 slashed) {
        if (msg.sender != slasher) revert NotSlasher(msg.sender);
        if (amount == 0) revert ZeroAmount();
        Node storage node = _nodes[operator];
        uint256 stake = node.stake;
        if (!node.registered || stake == 0) revert NothingToSlash(operator);
        slashed = amount < stake ? amount : stake;
        node.stake = stake - slashed;
        uint256 rewarded = recipient == address(0) ? 0 : (slashed * slashRewardBps) / MAX_BPS;
        uint256 burned = slashed - rewarded;
        if (rewarded > 0) token.safeTransfer(recipient, rewarded);
        if (burned > 0) token.burn(burned);
        emit Slashed(operator, recipient, slashed, rewarded, burned);
    }

    // ---- owner ----

    function setSlasher(address slasher_) external onlyOwner {
        emit SlasherChanged(slasher, slasher_);
        slasher = slasher_;
    }

    function setParameters(uint256 minStake_, uint64 livenessWindow_, uint64 unstakeDelay_, uint16 slashRewardBps_)
        external
        onlyOwner
    {
        _setParameters(minStake_, livenessWindow_, unstakeDelay_, slashRewardBps_);
    }

    // ---- views ----

    /// @notice Registered, staked at least `minStake`, not unstaking, and heartbeat within `livenessWindow`.
    function isActive(address operator) public view returns (bool) {
        Node storage node = _nodes[operator];
        return node.registered && node.unstakeAvailableAt == 0 && node.stake >= minStake
            && block.timestamp <= uint256(node.lastHeartbeat) + livenessWindow;
    }

    /// @notice Registered and not yet withdrawn (an unstaking node is still registered: it may settle what it owes).
    function isRegistered(address operator) external view returns (bool) {
        return _nodes[operator].registered;
    }

    function stakeOf(address operator) external view returns (uint256) {
        return _nodes[operator].stake;
    }

    /// @notice Every operator that ever registered, active or not.
    function operatorCount() external view returns (uint256) {
        return _operators.length;
    }

    function operatorAt(uint256 index) external view returns (address) {
        if (index >= _operators.length) revert IndexOutOfRange(index, _operators.length);
        return _operators[index];
    }

    function getNode(address operator) public view returns (NodeInfo memory) {
        if (!_listed[operator]) revert UnknownOperator(operator);
        Node storage node = _nodes[operator];
        return NodeInfo({
            operator: operator,
            endpoint: node.endpoint,
            priceWei: node.priceWei,
            inputTokenPriceWei: node.inputTokenPriceWei,
            outputTokenPriceWei: node.outputTokenPriceWei,
            stake: node.stake,
            modelIds: node.modelIds,
            registeredAt: node.registeredAt,
            lastHeartbeat: node.lastHeartbeat,
            unstakeAvailableAt: node.unstakeAvailableAt,
            registered: node.registered,
            unstaking: node.unstakeAvailableAt != 0,
            active: isActive(operator)
        });
    }

    /// @notice A page of nodes in registration order, so a router reads the network in a few calls.
    function getNodes(uint256 offset, uint256 limit) external view returns (NodeInfo[] memory page) {
        uint256 count = _operators.length;
        uint256 end = offset >= count ? offset : (limit > count - offset ? count : offset + limit);
        page = new NodeInfo[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            page[i - offset] = getNode(_operators[i]);
        }
    }

    // ---- internal ----

    function _serving(address operator) private view returns (Node storage node) {
        node = _nodes[operator];
        if (!node.registered) revert NotRegistered(operator);
        if (node.unstakeAvailableAt != 0) revert Unstaking(operator);
    }

    function _checkEndpoint(string calldata endpoint) private pure {
        uint256 length = bytes(endpoint).length;
        if (length == 0 || length > MAX_ENDPOINT_LENGTH) revert InvalidEndpoint();
    }

    function _checkModels(bytes32[] calldata modelIds) private view {
        if (modelIds.length > MAX_MODELS) revert TooManyModels(modelIds.length, MAX_MODELS);
        for (uint256 i = 0; i < modelIds.length; ++i) {
            bytes32 id = modelIds[i];
            if (i > 0 && id <= modelIds[i - 1]) revert ModelIdsNotSorted(i);
            if (!models.exists(id)) revert UnknownModel(id);
            if (models.isDeprecated(id)) revert DeprecatedModel(id);
        }
    }

    function _setParameters(uint256 minStake_, uint64 livenessWindow_, uint64 unstakeDelay_, uint16 slashRewardBps_)
        private
    {
        if (minStake_ == 0 || livenessWindow_ == 0 || slashRewardBps_ > MAX_BPS) revert InvalidParameters();
        minStake = minStake_;
        livenessWindow = livenessWindow_;
        unstakeDelay = unstakeDelay_;
        slashRewardBps = slashRewardBps_;
        emit ParametersChanged(minStake_, livenessWindow_, unstakeDelay_, slashRewardBps_);
    }
}
