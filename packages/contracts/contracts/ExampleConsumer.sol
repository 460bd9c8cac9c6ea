// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ReceiptRegistry} from "./ReceiptRegistry.sol";

/// @title ExampleConsumer
/// @notice How a contract builds on Verity: it accepts an inference result only when ReceiptRegistry.verify says
///         the receipt was signed by a registered node and settled in a posted epoch root. Here it records the
///         output hash per request for one model; a real consumer would act on it (pay out, mint, decide).
/// @dev To use the output itself, pass its canonical encoding (Protocol v1's "VTM1" bytes) and check that
///      sha256(output) == receipt.outputHash (the sha256 precompile is cheap).
contract ExampleConsumer {
    struct Result {
        bytes32 outputHash;
        address executor;
        uint64 epoch;
        uint64 acceptedAt;
    }

    ReceiptRegistry public immutable registry;
    /// @notice The only model whose results this consumer accepts.
    bytes32 public immutable modelId;

    mapping(bytes32 requestId => Result) private _results;

    event ResultAccepted(
        bytes32 indexed requestId, bytes32 indexed modelId, address indexed executor, bytes32 outputHash, uint64 epoch
    );

    error WrongModel(bytes32 expected, bytes32 actual);
    error AlreadyAccepted(bytes32 requestId);
    error ReceiptNotVerified(bytes32 requestId);
    error UnknownRequest(bytes32 requestId);

    constructor(ReceiptRegistry registry_, bytes32 modelId_) {
        registry = registry_;
        modelId = modelId_;
    }

    function accept(
        ReceiptRegistry.Receipt calldata receipt,
        bytes calldata signature,
        bytes32[] calldata proof,
        uint64 epoch
    ) external {
        if (receipt.modelId != modelId) revert WrongModel(modelId, receipt.modelId);
        if (_results[receipt.requestId].executor != address(0)) revert AlreadyAccepted(receipt.requestId);
        if (!registry.verify(receipt, signature, proof, epoch)) revert ReceiptNotVerified(receipt.requestId);
        _results[receipt.requestId] = Result({
            outputHash: receipt.outputHash,
            executor: receipt.executor,
            epoch: epoch,
            acceptedAt: uint64(block.timestamp)
        });
        emit ResultAccepted(receipt.requestId, receipt.modelId, receipt.executor, receipt.outputHash, epoch);
    }

    function resultOf(bytes32 requestId) external view returns (Result memory result) {
        result = _results[requestId];
        if (result.executor == address(0)) revert UnknownRequest(requestId);
    }

    function isAccepted(bytes32 requestId) external view returns (bool) {
        return _results[requestId].executor != address(0);
    }
}
