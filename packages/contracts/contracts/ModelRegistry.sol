// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ModelRegistry
/// @notice Model versions and their terms. A model id is the sha256 of the model file (Protocol v1); a version is
///         published once and never changed; its publisher can deprecate it. A name belongs to the address that
///         first published under it, so nobody else can add versions to someone else's model.
contract ModelRegistry {
    /// @notice Royalty is in basis points of the fee: at most 100%.
    uint16 public constant MAX_ROYALTY_BPS = 10_000;
    uint256 public constant MAX_NAME_LENGTH = 64;
    uint256 public constant MAX_VERSION_LENGTH = 32;
    uint256 public constant MAX_FORMAT_LENGTH = 16;

    struct Model {
        bytes32 modelId;
        address publisher;
        uint16 royaltyBps;
        uint64 publishedAt;
        bool deprecated;
        /// Per answer (any model); a language model's answer adds the two token prices times its token counts.
        uint256 priceWei;
        uint256 inputTokenPriceWei;
        uint256 outputTokenPriceWei;
        bytes32 metadataHash;
        string name;
        string version;
        string format;
    }

    mapping(bytes32 modelId => Model) private _models;
    /// keccak256(abi.encode(name, version)) => modelId
    mapping(bytes32 nameVersionKey => bytes32 modelId) private _byNameVersion;
    /// keccak256(bytes(name)) => publisher that owns the name
    mapping(bytes32 nameHash => address publisher) private _nameOwner;
    /// keccak256(bytes(name)) => its versions' model ids, in publication order
    mapping(bytes32 nameHash => bytes32[] modelIds) private _versions;
    bytes32[] private _modelIds;

    event ModelRegistered(
        bytes32 indexed modelId,
        address indexed publisher,
        bytes32 indexed nameHash,
        string name,
        string version,
        string format,
        bytes32 metadataHash,
        uint256 priceWei,
        uint256 inputTokenPriceWei,
        uint256 outputTokenPriceWei,
        uint16 royaltyBps
    );
    event ModelDeprecated(bytes32 indexed modelId, address indexed publisher);

    error ZeroModelId();
    error InvalidName();
    error InvalidVersion();
    error InvalidFormat();
    error RoyaltyTooHigh(uint16 royaltyBps);
    error ModelExists(bytes32 modelId);
    error VersionExists(string name, string version, bytes32 modelId);
    error NameOwnedByOther(string name, address owner);
    error UnknownModel(bytes32 modelId);
    error UnknownVersion(string name, string version);
    error NotPublisher(bytes32 modelId, address caller);
    error AlreadyDeprecated(bytes32 modelId);
    error IndexOutOfRange(uint256 index, uint256 count);

    /// @notice Publishes a model version; the caller is its publisher. An answer of it costs at least `priceWei`
    ///         plus, for a language model, `inputTokenPriceWei` per prompt token and `outputTokenPriceWei` per
    ///         generated token (a node may ask more: each part is the higher of the model's and the node's).
    /// @dev `name` and `version` may not contain '@' (it separates them in "name@version") nor be empty.
    function register(
        bytes32 modelId,
        string calldata name,
        string calldata version,
        string calldata format,
        bytes32 metadataHash,
        uint256 priceWei,
        uint256 inputTokenPriceWei,
        uint256 outputTokenPriceWei,
        uint16 royaltyBps
    ) external {
        if (modelId == bytes32(0)) revert ZeroModelId();
        if (!_validLabel(bytes(name), MAX_NAME_LENGTH)) revert InvalidName();
        if (!_validLabel(bytes(version), MAX_VERSION_LENGTH)) revert InvalidVersion();
        if (!_validLabel(bytes(format), MAX_FORMAT_LENGTH)) revert InvalidFormat();
        if (royaltyBps > MAX_ROYALTY_BPS) revert RoyaltyTooHigh(royaltyBps);
        if (_models[modelId].publisher != address(0)) revert ModelExists(modelId);
        bytes32 nameHash = _claimVersion(modelId, name, version);

        Model storage model = _models[modelId];
        model.modelId = modelId;
        model.publisher = msg.sender;
        model.royaltyBps = royaltyBps;
        model.publishedAt = uint64(block.timestamp);
        model.priceWei = priceWei;
        model.inputTokenPriceWei = inputTokenPriceWei;
        model.outputTokenPriceWei = outputTokenPriceWei;
        model.metadataHash = metadataHash;
        model.name = name;
        model.version = version;
        model.format = format;
        _modelIds.push(modelId);
        _emitRegistered(model, nameHash);
    }

    /// @notice Marks a version as deprecated: nodes can no longer announce it. Its record stays as it was.
    function deprecate(bytes32 modelId) external {
        Model storage model = _models[modelId];
        if (model.publisher == address(0)) revert UnknownModel(modelId);
        if (model.publisher != msg.sender) revert NotPublisher(modelId, msg.sender);
        if (model.deprecated) revert AlreadyDeprecated(modelId);
        model.deprecated = true;
        emit ModelDeprecated(modelId, msg.sender);
    }

    function getModel(bytes32 modelId) external view returns (Model memory) {
        Model storage model = _models[modelId];
        if (model.publisher == address(0)) revert UnknownModel(modelId);
        return model;
    }

    /// @notice The model id of name@version.
    function resolve(string calldata name, string calldata version) external view returns (bytes32 modelId) {
        modelId = _byNameVersion[keccak256(abi.encode(name, version))];
        if (modelId == bytes32(0)) revert UnknownVersion(name, version);
    }

    /// @notice The model ids published under `name`, oldest first (the last one is the latest).
    function versionsOf(string calldata name) external view returns (bytes32[] memory) {
        return _versions[keccak256(bytes(name))];
    }

    function nameOwner(string calldata name) external view returns (address) {
        return _nameOwner[keccak256(bytes(name))];
    }

    function exists(bytes32 modelId) external view returns (bool) {
        return _models[modelId].publisher != address(0);
    }

    /// @notice True when the model exists and is not deprecated: what a node may announce.
    function isUsable(bytes32 modelId) external view returns (bool) {
        Model storage model = _models[modelId];
        return model.publisher != address(0) && !model.deprecated;
    }

    function isDeprecated(bytes32 modelId) external view returns (bool) {
        return _models[modelId].deprecated;
    }

    function modelCount() external view returns (uint256) {
        return _modelIds.length;
    }

    function modelAt(uint256 index) external view returns (bytes32) {
        if (index >= _modelIds.length) revert IndexOutOfRange(index, _modelIds.length);
        return _modelIds[index];
    }

    /// @dev Emits ModelRegistered from the record just written (its slots are warm; the calldata would not fit the stack).
    function _emitRegistered(Model storage model, bytes32 nameHash) private {
        emit ModelRegistered(
            model.modelId,
            model.publisher,
            nameHash,
            model.name,
            model.version,
            model.format,
            model.metadataHash,
            model.priceWei,
            model.inputTokenPriceWei,
            model.outputTokenPriceWei,
            model.royaltyBps
        );
    }

    /// @dev Checks the caller may publish `version` under `name` (claiming the name if new) and records it.
    function _claimVersion(bytes32 modelId, string calldata name, string calldata version)
        private
        returns (bytes32 nameHash)
    {
        nameHash = keccak256(bytes(name));
        address owner = _nameOwner[nameHash];
        if (owner == address(0)) _nameOwner[nameHash] = msg.sender;
        else if (owner != msg.sender) revert NameOwnedByOther(name, owner);
        bytes32 key = keccak256(abi.encode(name, version));
        bytes32 existing = _byNameVersion[key];
        if (existing != bytes32(0)) revert VersionExists(name, version, existing);
        _byNameVersion[key] = modelId;
        _versions[nameHash].push(modelId);
    }

    function _validLabel(bytes calldata label, uint256 maxLength) private pure returns (bool) {
        if (label.length == 0 || label.length > maxLength) return false;
        for (uint256 i = 0; i < label.length; ++i) {
            bytes1 c = label[i];
            // no '@' (the name@version separator), no control characters or spaces
            if (c == 0x40 || uint8(c) <= 0x20 || c == 0x7f) return false;
        }
        return true;
    }
}
