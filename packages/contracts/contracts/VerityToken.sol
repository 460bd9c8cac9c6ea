// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title VerityToken (VRT)
/// @notice The ERC-20 used for node stakes and fees. Burnable, so a slash can destroy part of a stake.
/// @dev `mint` is the devnet faucet; on a public network the owner would be renounced or a fixed supply minted once.
///      Reverts come from OpenZeppelin's custom errors (ERC20InsufficientBalance, OwnableUnauthorizedAccount, ...).
contract VerityToken is ERC20, ERC20Burnable, Ownable {
    constructor(address initialOwner) ERC20("Verity", "VRT") Ownable(initialOwner) {}

    /// @notice Creates `amount` tokens for `to`. Owner only (the devnet faucet).
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
