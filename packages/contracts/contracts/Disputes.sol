// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {NodeRegistry} from "./NodeRegistry.sol";
import {ReceiptRegistry} from "./ReceiptRegistry.sol";

/// @title Disputes
/// @notice Proofs of fraud that slash a node's stake; NodeRegistry's `slasher`.
///         Equivocation: two receipts signed by one executor for the same request (same requestId, model and
///         inputHash) that state different outputs. An honest node signs one receipt per request id and answers a
///         repeat with the receipt it stored, so two such receipts prove fraud on their own: the executor's whole stake
///         is slashed at once, the reporter gets NodeRegistry's `slashRewardBps` of it and the rest is burned. Each
///         (executor, requestId) slashes once.
/// @dev Receipts are checked under ReceiptRegistry's EIP-712 domain (the one settled receipts are signed for).
contract Disputes {
    NodeRegistry public immutable nodes;
    ReceiptRegistry public immutable receipts;

    mapping(bytes32 key => bool) private _equivocationSlashed;

    event EquivocationSlashed(
        address indexed executor,
        bytes32 indexed requestId,
        address indexed reporter,
        bytes32 digestA,
        bytes32 digestB,
        uint256 slashed
    );

    error DifferentExecutors(address a, address b);
    error DifferentRequests();
    error SameOutput(bytes32 outputHash);
    /// `which` is 0 for the first receipt, 1 for the second.
    error BadSignature(uint8 which);
    error AlreadySlashed(address executor, bytes32 requestId);

    constructor(NodeRegistry nodes_, ReceiptRegistry receipts_) {
        nodes = nodes_;
        receipts = receipts_;
    }

    /// @notice Slashes `a.executor`'s whole stake for signing both receipts; the caller is rewarded.
    /// @return slashed The stake taken (reward and burn together).
    function reportEquivocation(
        ReceiptRegistry.Receipt calldata a,
        bytes calldata signatureA,
        ReceiptRegistry.Receipt calldata b,
        bytes calldata signatureB
    ) external returns (uint256 slashed) {
        if (a.executor != b.executor) revert DifferentExecutors(a.executor, b.executor);
        if (a.requestId != b.requestId || a.modelId != b.modelId || a.inputHash != b.inputHash) revert DifferentRequests();
        if (a.outputHash == b.outputHash) revert SameOutput(a.outputHash);
        bytes32 digestA = _signedBy(a, signatureA, 0);
        bytes32 digestB = _signedBy(b, signatureB, 1);
        bytes32 key = keccak256(abi.encode(a.executor, a.requestId));
        if (_equivocationSlashed[key]) revert AlreadySlashed(a.executor, a.requestId);
        _equivocationSlashed[key] = true;
        slashed = nodes.slash(a.executor, type(uint256).max, msg.sender);
        emit EquivocationSlashed(a.executor, a.requestId, msg.sender, digestA, digestB, slashed);
    }

    /// @notice Whether `executor` was slashed for equivocating on `requestId`.
    function equivocationSlashed(address executor, bytes32 requestId) external view returns (bool) {
        return _equivocationSlashed[keccak256(abi.encode(executor, requestId))];
    }

    function _signedBy(ReceiptRegistry.Receipt calldata receipt, bytes calldata signature, uint8 which)
        private
        view
        returns (bytes32 digest)
    {
        digest = receipts.receiptDigest(receipt);
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err != ECDSA.RecoverError.NoError || signer != receipt.executor) revert BadSignature(which);
    }
}
