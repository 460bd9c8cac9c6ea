// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {NodeRegistry} from "./NodeRegistry.sol";

/// @title ReceiptRegistry
/// @notice Settled receipts. A node posts one Merkle root per epoch of its receipts; then anyone (a contract
///         included) can check that a receipt was signed by a registered node and is included in a posted root.
///         This contract is the `verifyingContract` of the receipts' EIP-712 domain {name "Verity", version "1",
///         chainId, verifyingContract}.
/// @dev Leaf = keccak256(bytes.concat(keccak256(abi.encode(digest)))) where digest is the receipt's EIP-712 digest;
///      inner nodes hash sorted pairs (OpenZeppelin MerkleProof), as protocol's merkle.ts builds them.
contract ReceiptRegistry is EIP712 {
    /// @notice Protocol v1's Receipt, field for field.
    struct Receipt {
        bytes32 requestId;
        bytes32 modelId;
        bytes32 inputHash;
        bytes32 outputHash;
        address executor;
        uint256 fee;
        uint64 timestamp;
        string policy;
        string engine;
    }

    /// @notice Why a receipt does or does not verify (`check`).
    enum Status {
        Valid,
        InvalidSignature,
        SignerNotExecutor,
        ExecutorNotRegistered,
        RootNotPosted,
        NotIncluded
    }

    bytes32 public constant RECEIPT_TYPEHASH = keccak256(
        "Receipt(bytes32 requestId,bytes32 modelId,bytes32 inputHash,bytes32 outputHash,address executor,uint256 fee,uint64 timestamp,string policy,string engine)"
    );

    NodeRegistry public immutable nodes;

    mapping(address operator => mapping(uint64 epoch => bytes32 root)) private _roots;

    event RootPosted(address indexed operator, uint64 indexed epoch, bytes32 root, uint32 count);

    error NotRegisteredNode(address operator);
    error ZeroRoot();
    error EmptyEpoch();
    error RootAlreadyPosted(address operator, uint64 epoch, bytes32 root);
    error InvalidSignature();
    error SignerNotExecutor(address signer, address executor);
    error ExecutorNotRegistered(address executor);
    error RootNotPosted(address executor, uint64 epoch);
    error NotIncluded();

    constructor(NodeRegistry nodes_) EIP712("Verity", "1") {
        nodes = nodes_;
    }

    /// @notice Settles an epoch of the caller's receipts: `root` over `count` receipts. Once per (operator, epoch).
    function postRoot(uint64 epoch, bytes32 root, uint32 count) external {
        if (!nodes.isRegistered(msg.sender)) revert NotRegisteredNode(msg.sender);
        if (root == bytes32(0)) revert ZeroRoot();
        if (count == 0) revert EmptyEpoch();
        bytes32 existing = _roots[msg.sender][epoch];
        if (existing != bytes32(0)) revert RootAlreadyPosted(msg.sender, epoch, existing);
        _roots[msg.sender][epoch] = root;
        emit RootPosted(msg.sender, epoch, root, count);
    }

    /// @notice The root `operator` posted for `epoch`, or zero.
    function rootOf(address operator, uint64 epoch) external view returns (bytes32) {
        return _roots[operator][epoch];
    }

    /// @notice The EIP-712 digest of a receipt under this contract's domain (protocol's receiptDigest).
    function receiptDigest(Receipt calldata receipt) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    RECEIPT_TYPEHASH,
                    receipt.requestId,
                    receipt.modelId,
                    receipt.inputHash,
                    receipt.outputHash,
                    receipt.executor,
                    receipt.fee,
                    receipt.timestamp,
                    keccak256(bytes(receipt.policy)),
                    keccak256(bytes(receipt.engine))
                )
            )
        );
    }

    /// @notice The Merkle leaf of a receipt digest (protocol's receiptLeaf).
    function receiptLeaf(bytes32 digest) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(digest))));
    }

    /// @notice Why `receipt` does or does not verify; `Status.Valid` when it does.
    function check(Receipt calldata receipt, bytes calldata signature, bytes32[] calldata proof, uint64 epoch)
        public
        view
        returns (Status)
    {
        bytes32 digest = receiptDigest(receipt);
        // tryRecover rejects malleable (high-s) signatures, bad v and lengths other than 65.
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err != ECDSA.RecoverError.NoError || signer == address(0)) return Status.InvalidSignature;
        if (signer != receipt.executor) return Status.SignerNotExecutor;
        // Only a registered node can post a root, so a root proves the executor was one when it posted. Its receipts
        // stay verifiable after it withdraws its stake: the results others accepted do not expire with it.
        bytes32 root = _roots[signer][epoch];
        if (root == bytes32(0)) return nodes.isRegistered(signer) ? Status.RootNotPosted : Status.ExecutorNotRegistered;
        if (!MerkleProof.verifyCalldata(proof, root, receiptLeaf(digest))) return Status.NotIncluded;
        return Status.Valid;
    }

    /// @notice True when `receipt` was signed by its executor and is included in the root that executor posted for
    ///         `epoch` (while registered: only registered nodes post roots). Never reverts on a bad receipt.
    function verify(Receipt calldata receipt, bytes calldata signature, bytes32[] calldata proof, uint64 epoch)
        external
        view
        returns (bool)
    {
        return check(receipt, signature, proof, epoch) == Status.Valid;
    }

    /// @notice `verify`, reverting with the reason instead of returning false.
    function verifyOrRevert(Receipt calldata receipt, bytes calldata signature, bytes32[] calldata proof, uint64 epoch)
        external
        view
    {
        Status status = check(receipt, signature, proof, epoch);
        if (status == Status.Valid) return;
        if (status == Status.InvalidSignature) revert InvalidSignature();
        if (status == Status.SignerNotExecutor) {
            revert SignerNotExecutor(ECDSA.recoverCalldata(receiptDigest(receipt), signature), receipt.executor);
        }
        if (status == Status.ExecutorNotRegistered) revert ExecutorNotRegistered(receipt.executor);
        if (status == Status.RootNotPosted) revert RootNotPosted(receipt.executor, epoch);
        revert NotIncluded();
    }
}
