// GENERATED FILE, DO NOT EDIT. Written by `npm run build -w @verity/contracts` (scripts/build.ts)
// from contracts/*.sol with solc 0.8.30+commit.73712a01.Emscripten.clang, optimizer on (200 runs), EVM cancun.
// test/artifacts.test.ts fails when this file differs from a fresh compile of the sources.

export const solcVersion = '0.8.30+commit.73712a01.Emscripten.clang';

export const VerityToken = {
  contractName: 'VerityToken',
  abi: [
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "initialOwner",
          "type": "address"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "authorizer",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        }
      ],
      "name": "AuthorizationAlreadyUsed",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "validBefore",
          "type": "uint256"
        }
      ],
      "name": "AuthorizationExpired",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "validAfter",
          "type": "uint256"
        }
      ],
      "name": "AuthorizationNotYetValid",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "caller",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "payee",
          "type": "address"
        }
      ],
      "name": "CallerNotPayee",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "spender",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "allowance",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "needed",
          "type": "uint256"
        }
      ],
      "name": "ERC20InsufficientAllowance",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "sender",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "balance",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "needed",
          "type": "uint256"
        }
      ],
      "name": "ERC20InsufficientBalance",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "approver",
          "type": "address"
        }
      ],
      "name": "ERC20InvalidApprover",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "receiver",
          "type": "address"
        }
      ],
      "name": "ERC20InvalidReceiver",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "sender",
          "type": "address"
        }
      ],
      "name": "ERC20InvalidSender",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "spender",
          "type": "address"
        }
      ],
      "name": "ERC20InvalidSpender",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidAuthorizationSignature",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidShortString",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "owner",
          "type": "address"
        }
      ],
      "name": "OwnableInvalidOwner",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "account",
          "type": "address"
        }
      ],
      "name": "OwnableUnauthorizedAccount",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "str",
          "type": "string"
        }
      ],
      "name": "StringTooLong",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "owner",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "spender",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "Approval",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "authorizer",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        }
      ],
      "name": "AuthorizationCanceled",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "authorizer",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        }
      ],
      "name": "AuthorizationUsed",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [],
      "name": "EIP712DomainChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "previousOwner",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "newOwner",
          "type": "address"
        }
      ],
      "name": "OwnershipTransferred",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "from",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "Transfer",
      "type": "event"
    },
    {
      "inputs": [],
      "name": "CANCEL_AUTHORIZATION_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "DOMAIN_SEPARATOR",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "RECEIVE_WITH_AUTHORIZATION_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "TRANSFER_WITH_AUTHORIZATION_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "owner",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "spender",
          "type": "address"
        }
      ],
      "name": "allowance",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "spender",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "approve",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "authorizer",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        }
      ],
      "name": "authorizationState",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "account",
          "type": "address"
        }
      ],
      "name": "balanceOf",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "burn",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "account",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "burnFrom",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "authorizer",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        },
        {
          "internalType": "uint8",
          "name": "v",
          "type": "uint8"
        },
        {
          "internalType": "bytes32",
          "name": "r",
          "type": "bytes32"
        },
        {
          "internalType": "bytes32",
          "name": "s",
          "type": "bytes32"
        }
      ],
      "name": "cancelAuthorization",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "authorizer",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        }
      ],
      "name": "cancelAuthorization",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "decimals",
      "outputs": [
        {
          "internalType": "uint8",
          "name": "",
          "type": "uint8"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "eip712Domain",
      "outputs": [
        {
          "internalType": "bytes1",
          "name": "fields",
          "type": "bytes1"
        },
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        },
        {
          "internalType": "uint256",
          "name": "chainId",
          "type": "uint256"
        },
        {
          "internalType": "address",
          "name": "verifyingContract",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "salt",
          "type": "bytes32"
        },
        {
          "internalType": "uint256[]",
          "name": "extensions",
          "type": "uint256[]"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        }
      ],
      "name": "mint",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "name",
      "outputs": [
        {
          "internalType": "string",
          "name": "",
          "type": "string"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "owner",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "from",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validAfter",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validBefore",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        }
      ],
      "name": "receiveWithAuthorization",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "from",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validAfter",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validBefore",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        },
        {
          "internalType": "uint8",
          "name": "v",
          "type": "uint8"
        },
        {
          "internalType": "bytes32",
          "name": "r",
          "type": "bytes32"
        },
        {
          "internalType": "bytes32",
          "name": "s",
          "type": "bytes32"
        }
      ],
      "name": "receiveWithAuthorization",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "renounceOwnership",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "symbol",
      "outputs": [
        {
          "internalType": "string",
          "name": "",
          "type": "string"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "totalSupply",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "transfer",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "from",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "transferFrom",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "newOwner",
          "type": "address"
        }
      ],
      "name": "transferOwnership",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "from",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validAfter",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validBefore",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        }
      ],
      "name": "transferWithAuthorization",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "from",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "to",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validAfter",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "validBefore",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "nonce",
          "type": "bytes32"
        },
        {
          "internalType": "uint8",
          "name": "v",
          "type": "uint8"
        },
        {
          "internalType": "bytes32",
          "name": "r",
          "type": "bytes32"
        },
        {
          "internalType": "bytes32",
          "name": "s",
          "type": "bytes32"
        }
      ],
      "name": "transferWithAuthorization",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "version",
      "outputs": [
        {
          "internalType": "string",
          "name": "",
          "type": "string"
        }
      ],
      "stateMutability": "pure",
      "type": "function"
    }
  ],
  bytecode: '0x610160604052348015610010575f5ffd5b50604051611ae9380380611ae983398101604081905261002f9161023a565b6040518060400160405280600681526020016556657269747960d01b815250604051806040016040528060018152602001603160f81b815250826040518060400160405280600681526020016556657269747960d01b8152506040518060400160405280600381526020016215949560ea1b81525081600390816100b391906102ff565b5060046100c082826102ff565b5050506001600160a01b0381166100f157604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b6100fa816101ac565b50610104826101fd565b61012052610111816101fd565b61014052815160208084019190912060e052815190820120610100524660a05261019d60e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c05250610411565b600580546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f5f829050601f81511115610227578260405163305a27a960e01b81526004016100e891906103b9565b8051610232826103ee565b179392505050565b5f6020828403121561024a575f5ffd5b81516001600160a01b0381168114610260575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061028f57607f821691505b6020821081036102ad57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156102fa57805f5260205f20601f840160051c810160208510156102d85750805b601f840160051c820191505b818110156102f7575f81556001016102e4565b50505b505050565b81516001600160401b0381111561031857610318610267565b61032c81610326845461027b565b846102b3565b6020601f82116001811461035e575f83156103475750848201515b5f19600385901b1c1916600184901b1784556102f7565b5f84815260208120601f198516915b8281101561038d578785015182556020948501946001909201910161036d565b50848210156103aa57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156102ad575f1960209190910360031b1b16919050565b60805160a05160c05160e0516101005161012051610140516116876104625f395f610bb701525f610b8c01525f610a4f01525f610a2701525f61098201525f6109ac01525f6109d601526116875ff3fe608060405234801561000f575f5ffd5b50600436106101bb575f3560e01c806384b0196e116100f3578063cf09299511610093578063e3ee160e1161006e578063e3ee160e1461040e578063e94a010214610421578063ef55bec614610459578063f2fde38b1461046c575f5ffd5b8063cf0929951461039c578063d9169487146103af578063dd62ed3e146103d6575f5ffd5b806395d89b41116100ce57806395d89b4114610347578063a0cc6a681461034f578063a9059cbb14610376578063b7b7289914610389575f5ffd5b806384b0196e146102fe57806388b7ab63146103195780638da5cb5b1461032c575f5ffd5b806342966c681161015e57806370a082311161013957806370a0823114610294578063715018a6146102bc57806379cc6790146102c45780637f2eecc3146102d7575f5ffd5b806342966c681461025157806354fd4d50146102645780635a049a7014610281575f5ffd5b806323b872dd1161019957806323b872dd14610212578063313ce567146102255780633644e5151461023457806340c10f191461023c575f5ffd5b806306fdde03146101bf578063095ea7b3146101dd57806318160ddd14610200575b5f5ffd5b6101c761047f565b6040516101d491906111f7565b60405180910390f35b6101f06101eb366004611224565b61050f565b60405190151581526020016101d4565b6002545b6040519081526020016101d4565b6101f061022036600461124c565b610528565b604051601281526020016101d4565b61020461054d565b61024f61024a366004611224565b61055b565b005b61024f61025f366004611286565b610571565b6040805180820190915260018152603160f81b60208201526101c7565b61024f61028f3660046112ad565b61057e565b6102046102a23660046112f7565b6001600160a01b03165f9081526020819052604090205490565b61024f6105b3565b61024f6102d2366004611224565b6105c6565b6102047fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de881565b6103066105db565b6040516101d49796959493929190611310565b61024f610327366004611445565b61061d565b6005546040516001600160a01b0390911681526020016101d4565b6101c76106a0565b6102047f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a226781565b6101f0610384366004611224565b6106af565b61024f6103973660046114c4565b6106bc565b61024f6103aa366004611445565b6107b2565b6102047f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742981565b6102046103e4366004611517565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b61024f61041c366004611548565b6107e2565b6101f061042f366004611224565b6001600160a01b03919091165f908152600860209081526040808320938352929052205460ff1690565b61024f610467366004611548565b61081f565b61024f61047a3660046112f7565b610851565b60606003805461048e906115c3565b80601f01602080910402602001604051908101604052809291908181526020018280546104ba906115c3565b80156105055780601f106104dc57610100808354040283529160200191610505565b820191905f5260205f20905b8154815290600101906020018083116104e857829003601f168201915b5050505050905090565b5f3361051c81858561088b565b60019150505b92915050565b5f3361053585828561089d565b610540858585610919565b60019150505b9392505050565b5f610556610976565b905090565b610563610a9f565b61056d8282610acc565b5050565b61057b3382610b00565b50565b6105ac8585848487604051602001610598939291906115fb565b6040516020818303038152906040526106bc565b5050505050565b6105bb610a9f565b6105c45f610b34565b565b6105d182338361089d565b61056d8282610b00565b5f6060805f5f5f60606105ec610b85565b6105f4610bb0565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b336001600160a01b0387161461065c576040516314a8e31d60e31b81523360048201526001600160a01b03871660248201526044015b60405180910390fd5b61068c7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de888888888888888610bdb565b610697878787610919565b50505050505050565b60606004805461048e906115c3565b5f3361051c818585610919565b6106c68383610d05565b604080517f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742960208201526001600160a01b03851691810191909152606081018390525f9061072d906080015b60405160208183030381529060405280519060200120610d5b565b905061073a848284610d87565b61075757604051630e479e9960e21b815260040160405180910390fd5b6001600160a01b0384165f818152600860209081526040808320878452909152808220805460ff19166001179055518592917f1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d8191a350505050565b61068c7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a226788888888888888610bdb565b61081489898989898988888b604051602001610800939291906115fb565b6040516020818303038152906040526107b2565b505050505050505050565b61081489898989898988888b60405160200161083d939291906115fb565b60405160208183030381529060405261061d565b610859610a9f565b6001600160a01b03811661088257604051631e4fbdf760e01b81525f6004820152602401610653565b61057b81610b34565b6108988383836001610df7565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f19811015610913578181101561090557604051637dc7a0d960e11b81526001600160a01b03841660048201526024810182905260448101839052606401610653565b61091384848484035f610df7565b50505050565b6001600160a01b03831661094257604051634b637e8f60e11b81525f6004820152602401610653565b6001600160a01b03821661096b5760405163ec442f0560e01b81525f6004820152602401610653565b610898838383610ec9565b5f306001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161480156109ce57507f000000000000000000000000000000000000000000000000000000000000000046145b156109f857507f000000000000000000000000000000000000000000000000000000000000000090565b610556604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b6005546001600160a01b031633146105c45760405163118cdaa760e01b8152336004820152602401610653565b6001600160a01b038216610af55760405163ec442f0560e01b81525f6004820152602401610653565b61056d5f8383610ec9565b6001600160a01b038216610b2957604051634b637e8f60e11b81525f6004820152602401610653565b61056d825f83610ec9565b600580546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b60606105567f0000000000000000000000000000000000000000000000000000000000000000610fef565b60606105567f0000000000000000000000000000000000000000000000000000000000000000610fef565b834211610bfe57604051637a4df07960e01b815260048101859052602401610653565b824210610c2157604051633d91b05f60e01b815260048101849052602401610653565b610c2b8783610d05565b60408051602081018a90526001600160a01b03808a169282019290925290871660608201526080810186905260a0810185905260c0810184905260e081018390525f90610c7b9061010001610712565b9050610c88888284610d87565b610ca557604051630e479e9960e21b815260040160405180910390fd5b6001600160a01b0388165f818152600860209081526040808320878452909152808220805460ff19166001179055518592917f98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a591a3505050505050505050565b6001600160a01b0382165f90815260086020908152604080832084845290915290205460ff161561056d5760405163d309466d60e01b81526001600160a01b038316600482015260248101829052604401610653565b5f610522610d67610976565b8360405161190160f01b8152600281019290925260228201526042902090565b5f836001600160a01b03163b5f03610de5575f5f610da5858561102c565b5090925090505f816003811115610dbe57610dbe61161e565b148015610ddc5750856001600160a01b0316826001600160a01b0316145b92505050610546565b610df0848484611075565b9050610546565b6001600160a01b038416610e205760405163e602df0560e01b81525f6004820152602401610653565b6001600160a01b038316610e4957604051634a1406b160e11b81525f6004820152602401610653565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561091357826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92584604051610ebb91815260200190565b60405180910390a350505050565b6001600160a01b038316610ef3578060025f828254610ee89190611632565b90915550610f639050565b6001600160a01b0383165f9081526020819052604090205481811015610f455760405163391434e360e21b81526001600160a01b03851660048201526024810182905260448101839052606401610653565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b038216610f7f57600280548290039055610f9d565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef83604051610fe291815260200190565b60405180910390a3505050565b60605f610ffb836110da565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f5f5f8351604103611063576020840151604085015160608601515f1a61105588828585611101565b95509550955050505061106e565b505081515f91506002905b9250925092565b805160408051630b135d3f60e11b8082526004820186905260248201929092525f92906020820185604483015e5f82606483010152601f820160051c60051b915060205f60648401838a5afa9050825f5114601f3d1116811693505050509392505050565b5f60ff8216601f81111561052257604051632cd44ac360e21b815260040160405180910390fd5b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561113a57505f915060039050826111bf565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa15801561118b573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166111b657505f9250600191508290506111bf565b92505f91508190505b9450945094915050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61054660208301846111c9565b80356001600160a01b038116811461121f575f5ffd5b919050565b5f5f60408385031215611235575f5ffd5b61123e83611209565b946020939093013593505050565b5f5f5f6060848603121561125e575f5ffd5b61126784611209565b925061127560208501611209565b929592945050506040919091013590565b5f60208284031215611296575f5ffd5b5035919050565b803560ff8116811461121f575f5ffd5b5f5f5f5f5f60a086880312156112c1575f5ffd5b6112ca86611209565b9450602086013593506112df6040870161129d565b94979396509394606081013594506080013592915050565b5f60208284031215611307575f5ffd5b61054682611209565b60ff60f81b8816815260e060208201525f61132e60e08301896111c9565b828103604084015261134081896111c9565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015611395578351835260209384019390920191600101611377565b50909b9a5050505050505050505050565b634e487b7160e01b5f52604160045260245ffd5b5f82601f8301126113c9575f5ffd5b813567ffffffffffffffff8111156113e3576113e36113a6565b604051601f8201601f19908116603f0116810167ffffffffffffffff81118282101715611412576114126113a6565b604052818152838201602001851015611429575f5ffd5b816020850160208301375f918101602001919091529392505050565b5f5f5f5f5f5f5f60e0888a03121561145b575f5ffd5b61146488611209565b965061147260208901611209565b955060408801359450606088013593506080880135925060a0880135915060c088013567ffffffffffffffff8111156114a9575f5ffd5b6114b58a828b016113ba565b91505092959891949750929550565b5f5f5f606084860312156114d6575f5ffd5b6114df84611209565b925060208401359150604084013567ffffffffffffffff811115611501575f5ffd5b61150d868287016113ba565b9150509250925092565b5f5f60408385031215611528575f5ffd5b61153183611209565b915061153f60208401611209565b90509250929050565b5f5f5f5f5f5f5f5f5f6101208a8c031215611561575f5ffd5b61156a8a611209565b985061157860208b01611209565b975060408a0135965060608a0135955060808a0135945060a08a013593506115a260c08b0161129d565b989b979a50959894979396929550929360e081013593506101000135919050565b600181811c908216806115d757607f821691505b6020821081036115f557634e487b7160e01b5f52602260045260245ffd5b50919050565b928352602083019190915260f81b6001600160f81b031916604082015260410190565b634e487b7160e01b5f52602160045260245ffd5b8082018082111561052257634e487b7160e01b5f52601160045260245ffdfea2646970667358221220082cd4dc5991ff86727d983c847070569c5b5a58e3e640101eff3d55637166ed64736f6c634300081e0033',
} as const;

export const ModelRegistry = {
  contractName: 'ModelRegistry',
  abi: [
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "AlreadyDeprecated",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "index",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "count",
          "type": "uint256"
        }
      ],
      "name": "IndexOutOfRange",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidFormat",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidName",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidVersion",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "ModelExists",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "address",
          "name": "owner",
          "type": "address"
        }
      ],
      "name": "NameOwnedByOther",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        },
        {
          "internalType": "address",
          "name": "caller",
          "type": "address"
        }
      ],
      "name": "NotPublisher",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint16",
          "name": "royaltyBps",
          "type": "uint16"
        }
      ],
      "name": "RoyaltyTooHigh",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "UnknownModel",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        }
      ],
      "name": "UnknownVersion",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        },
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "VersionExists",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroModelId",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "publisher",
          "type": "address"
        }
      ],
      "name": "ModelDeprecated",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "publisher",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "nameHash",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "indexed": false,
          "internalType": "string",
          "name": "version",
          "type": "string"
        },
        {
          "indexed": false,
          "internalType": "string",
          "name": "format",
          "type": "string"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "metadataHash",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "priceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "inputTokenPriceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "outputTokenPriceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint16",
          "name": "royaltyBps",
          "type": "uint16"
        }
      ],
      "name": "ModelRegistered",
      "type": "event"
    },
    {
      "inputs": [],
      "name": "MAX_FORMAT_LENGTH",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MAX_NAME_LENGTH",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MAX_ROYALTY_BPS",
      "outputs": [
        {
          "internalType": "uint16",
          "name": "",
          "type": "uint16"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MAX_VERSION_LENGTH",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "deprecate",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "exists",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "getModel",
      "outputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "publisher",
              "type": "address"
            },
            {
              "internalType": "uint16",
              "name": "royaltyBps",
              "type": "uint16"
            },
            {
              "internalType": "uint64",
              "name": "publishedAt",
              "type": "uint64"
            },
            {
              "internalType": "bool",
              "name": "deprecated",
              "type": "bool"
            },
            {
              "internalType": "uint256",
              "name": "priceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "inputTokenPriceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "outputTokenPriceWei",
              "type": "uint256"
            },
            {
              "internalType": "bytes32",
              "name": "metadataHash",
              "type": "bytes32"
            },
            {
              "internalType": "string",
              "name": "name",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "version",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "format",
              "type": "string"
            }
          ],
          "internalType": "struct ModelRegistry.Model",
          "name": "",
          "type": "tuple"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "isDeprecated",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "isUsable",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "index",
          "type": "uint256"
        }
      ],
      "name": "modelAt",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "modelCount",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        }
      ],
      "name": "nameOwner",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        },
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "format",
          "type": "string"
        },
        {
          "internalType": "bytes32",
          "name": "metadataHash",
          "type": "bytes32"
        },
        {
          "internalType": "uint256",
          "name": "priceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "inputTokenPriceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "outputTokenPriceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint16",
          "name": "royaltyBps",
          "type": "uint16"
        }
      ],
      "name": "register",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        }
      ],
      "name": "resolve",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        }
      ],
      "name": "versionsOf",
      "outputs": [
        {
          "internalType": "bytes32[]",
          "name": "",
          "type": "bytes32[]"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    }
  ],
  bytecode: '0x6080604052348015600e575f5ffd5b506113028061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c806373b9501011610093578063c1c3448c11610063578063c1c3448c1461021f578063c6a645fe14610232578063e18c3a061461023a578063f303136f14610265575f5ffd5b806373b95010146101e957806386074985146101fc57806398d7a7c614610204578063b5c58b4514610217575f5ffd5b80632cf5cf8b116100ce5780632cf5cf8b1461016a57806338a699a41461018a5780633dca40e6146101b75780636fc61e7c146101d3575f5ffd5b80630de4d5c0146100f45780631b725cb51461013557806321e7c4981461014a575b5f5ffd5b610120610102366004610c57565b5f90815260208190526040902060010154600160f01b900460ff1690565b60405190151581526020015b60405180910390f35b610148610143366004610cc9565b610278565b005b61015d610158366004610c57565b610481565b60405161012c9190610dd9565b61017d610178366004610ec4565b610775565b60405161012c9190610f03565b610120610198366004610c57565b5f908152602081905260409020600101546001600160a01b0316151590565b6101c061271081565b60405161ffff909116815260200161012c565b6101db601081565b60405190815260200161012c565b6101db6101f7366004610c57565b6107f4565b6101db604081565b6101db610212366004610f45565b610846565b6101db602081565b61014861022d366004610c57565b6108b6565b6004546101db565b61024d610248366004610ec4565b61099c565b6040516001600160a01b03909116815260200161012c565b610120610273366004610c57565b6109d9565b8b610296576040516342b95c6560e11b815260040160405180910390fd5b6102a28b8b6040610a15565b6102bf5760405163430f13b360e01b815260040160405180910390fd5b6102cb89896020610a15565b6102e85760405163a9146eeb60e01b815260040160405180910390fd5b6102f487876010610a15565b6103115760405163257aa23b60e01b815260040160405180910390fd5b61271061ffff82161115610343576040516314df3fa960e31b815261ffff821660048201526024015b60405180910390fd5b5f8c8152602081905260409020600101546001600160a01b03161561037e57604051630921ba1360e21b8152600481018d905260240161033a565b5f61038c8d8d8d8d8d610aae565b5f8e81526020819052604090208e81556001810180546001600160b01b0319163361ffff60a01b191617600160a01b61ffff8716021767ffffffffffffffff60b01b1916600160b01b4267ffffffffffffffff160217905560028101879055600381018690556004810185905560058101889055909150600681016104128d8f83611049565b50600781016104228b8d83611049565b5060088101610432898b83611049565b50600480546001810182555f919091527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b018e90556104718183610bd9565b5050505050505050505050505050565b6104f56040518061018001604052805f81526020015f6001600160a01b031681526020015f61ffff1681526020015f67ffffffffffffffff1681526020015f151581526020015f81526020015f81526020015f81526020015f81526020016060815260200160608152602001606081525090565b5f82815260208190526040902060018101546001600160a01b03166105305760405163a2dc062560e01b81526004810184905260240161033a565b60408051610180810182528254815260018301546001600160a01b0381166020830152600160a01b810461ffff1692820192909252600160b01b820467ffffffffffffffff166060820152600160f01b90910460ff1615156080820152600282015460a0820152600382015460c0820152600482015460e0820152600582015461010082015260068201805483916101208401916105cd90610fc5565b80601f01602080910402602001604051908101604052809291908181526020018280546105f990610fc5565b80156106445780601f1061061b57610100808354040283529160200191610644565b820191905f5260205f20905b81548152906001019060200180831161062757829003601f168201915b5050505050815260200160078201805461065d90610fc5565b80601f016020809104026020016040519081016040528092919081815260200182805461068990610fc5565b80156106d45780601f106106ab576101008083540402835291602001916106d4565b820191905f5260205f20905b8154815290600101906020018083116106b757829003601f168201915b505050505081526020016008820180546106ed90610fc5565b80601f016020809104026020016040519081016040528092919081815260200182805461071990610fc5565b80156107645780601f1061073b57610100808354040283529160200191610764565b820191905f5260205f20905b81548152906001019060200180831161074757829003601f168201915b505050505081525050915050919050565b606060035f848460405161078a929190611103565b604051809103902081526020019081526020015f208054806020026020016040519081016040528092919081815260200182805480156107e757602002820191905f5260205f20905b8154815260200190600101908083116107d3575b5050505050905092915050565b6004545f90821061082357600480546040516394666f0d60e01b8152918201849052602482015260440161033a565b6004828154811061083657610836611112565b905f5260205f2001549050919050565b5f60015f86868686604051602001610861949392919061114e565b60408051601f198184030181529181528151602092830120835290820192909252015f20549050806108ae578484848460405163237ac1e960e21b815260040161033a949392919061114e565b949350505050565b5f81815260208190526040902060018101546001600160a01b03166108f15760405163a2dc062560e01b81526004810183905260240161033a565b60018101546001600160a01b0316331461092757604051633c0b35eb60e21b81526004810183905233602482015260440161033a565b6001810154600160f01b900460ff16156109575760405163626c737560e11b81526004810183905260240161033a565b60018101805460ff60f01b1916600160f01b179055604051339083907f2764ff460a47650f6d75b2bdd6600159241c29b93e255596dd914947ba82a5ef905f90a35050565b5f60025f84846040516109b0929190611103565b604080519182900390912082526020820192909252015f20546001600160a01b03169392505050565b5f81815260208190526040812060018101546001600160a01b031615801590610a0e57506001810154600160f01b900460ff16155b9392505050565b5f821580610a2257508183115b15610a2e57505f610a0e565b5f5b83811015610aa3575f858583818110610a4b57610a4b611112565b909101356001600160f81b031916915050600160fe1b811480610a735750602060f882901c11155b80610a8b5750607f60f81b6001600160f81b03198216145b15610a9a575f92505050610a0e565b50600101610a30565b506001949350505050565b5f8484604051610abf929190611103565b60408051918290039091205f818152600260205291909120549091506001600160a01b031680610b0b575f82815260026020526040902080546001600160a01b03191633179055610b3a565b6001600160a01b0381163314610b3a5785858260405163cad2ebf360e01b815260040161033a9392919061117f565b5f86868686604051602001610b52949392919061114e565b60408051601f1981840301815291815281516020928301205f81815260019093529120549091508015610ba25787878787846040516366889c4360e01b815260040161033a9594939291906111aa565b505f9081526001602081815260408084208b9055858452600382528320805492830181558352909120019690965595945050505050565b60018201548254600584015460028501546003860154600487015460405187966001600160a01b03811696957f59530d23777d1841ba1d1a3f548eb75ac9881a5220e2ff08d3d6d8a59462d08e95610c4b9560068d019560078e019560088f0195600160a01b900461ffff1690611262565b60405180910390a45050565b5f60208284031215610c67575f5ffd5b5035919050565b5f5f83601f840112610c7e575f5ffd5b50813567ffffffffffffffff811115610c95575f5ffd5b602083019150836020828501011115610cac575f5ffd5b9250929050565b803561ffff81168114610cc4575f5ffd5b919050565b5f5f5f5f5f5f5f5f5f5f5f5f6101208d8f031215610ce5575f5ffd5b8c359b5067ffffffffffffffff60208e01351115610d01575f5ffd5b610d118e60208f01358f01610c6e565b909b50995067ffffffffffffffff60408e01351115610d2e575f5ffd5b610d3e8e60408f01358f01610c6e565b909950975067ffffffffffffffff60608e01351115610d5b575f5ffd5b610d6b8e60608f01358f01610c6e565b909750955060808d0135945060a08d0135935060c08d0135925060e08d01359150610d996101008e01610cb3565b90509295989b509295989b509295989b565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60208152815160208201525f6020830151610dff60408401826001600160a01b03169052565b50604083015161ffff8116606084015250606083015167ffffffffffffffff8116608084015250608083015180151560a08401525060a083015160c083015260c083015160e083015260e0830151610100830152610100830151610120830152610120830151610180610140840152610e7c6101a0840182610dab565b9050610140840151601f1984830301610160850152610e9b8282610dab565b915050610160840151601f1984830301610180850152610ebb8282610dab565b95945050505050565b5f5f60208385031215610ed5575f5ffd5b823567ffffffffffffffff811115610eeb575f5ffd5b610ef785828601610c6e565b90969095509350505050565b602080825282518282018190525f918401906040840190835b81811015610f3a578351835260209384019390920191600101610f1c565b509095945050505050565b5f5f5f5f60408587031215610f58575f5ffd5b843567ffffffffffffffff811115610f6e575f5ffd5b610f7a87828801610c6e565b909550935050602085013567ffffffffffffffff811115610f99575f5ffd5b610fa587828801610c6e565b95989497509550505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c90821680610fd957607f821691505b602082108103610ff757634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561104457805f5260205f20601f840160051c810160208510156110225750805b601f840160051c820191505b81811015611041575f815560010161102e565b50505b505050565b67ffffffffffffffff83111561106157611061610fb1565b6110758361106f8354610fc5565b83610ffd565b5f601f8411600181146110a6575f851561108f5750838201355b5f19600387901b1c1916600186901b178355611041565b5f83815260208120601f198716915b828110156110d557868501358255602094850194600190920191016110b5565b50868210156110f1575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b818382375f9101908152919050565b634e487b7160e01b5f52603260045260245ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f611161604083018688611126565b8281036020840152611174818587611126565b979650505050505050565b604081525f611192604083018587611126565b905060018060a01b0383166020830152949350505050565b606081525f6111bd606083018789611126565b82810360208401526111d0818688611126565b9150508260408301529695505050505050565b5f81546111ef81610fc5565b808552600182168015611209576001811461122557611259565b60ff1983166020870152602082151560051b8701019350611259565b845f5260205f205f5b838110156112505781546020828a01015260018201915060208101905061122e565b87016020019450505b50505092915050565b61010081525f61127661010083018b6111e3565b8281036020840152611288818b6111e3565b9050828103604084015261129c818a6111e3565b60608401989098525050608081019490945260a084019290925260c083015261ffff1660e090910152939250505056fea26469706673582212206283883d447ac1042fb1b719ab03f68ae759834cf465b7b903db98009447b34764736f6c634300081e0033',
} as const;

export const NodeRegistry = {
  contractName: 'NodeRegistry',
  abi: [
    {
      "inputs": [
        {
          "internalType": "contract ERC20Burnable",
          "name": "token_",
          "type": "address"
        },
        {
          "internalType": "contract ModelRegistry",
          "name": "models_",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "minStake_",
          "type": "uint256"
        },
        {
          "internalType": "uint64",
          "name": "livenessWindow_",
          "type": "uint64"
        },
        {
          "internalType": "uint64",
          "name": "unstakeDelay_",
          "type": "uint64"
        },
        {
          "internalType": "uint16",
          "name": "slashRewardBps_",
          "type": "uint16"
        },
        {
          "internalType": "address",
          "name": "initialOwner",
          "type": "address"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "AlreadyRegistered",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "DeprecatedModel",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "index",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "count",
          "type": "uint256"
        }
      ],
      "name": "IndexOutOfRange",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidEndpoint",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidParameters",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "index",
          "type": "uint256"
        }
      ],
      "name": "ModelIdsNotSorted",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "NotRegistered",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "caller",
          "type": "address"
        }
      ],
      "name": "NotSlasher",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "NotUnstaking",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "NothingToSlash",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "owner",
          "type": "address"
        }
      ],
      "name": "OwnableInvalidOwner",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "account",
          "type": "address"
        }
      ],
      "name": "OwnableUnauthorizedAccount",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "token",
          "type": "address"
        }
      ],
      "name": "SafeERC20FailedOperation",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "stake",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "minStake",
          "type": "uint256"
        }
      ],
      "name": "StakeTooLow",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "count",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "max",
          "type": "uint256"
        }
      ],
      "name": "TooManyModels",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "UnknownModel",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "UnknownOperator",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint64",
          "name": "availableAt",
          "type": "uint64"
        }
      ],
      "name": "UnstakeLocked",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "Unstaking",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroAmount",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint64",
          "name": "timestamp",
          "type": "uint64"
        }
      ],
      "name": "Heartbeat",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "bytes32[]",
          "name": "modelIds",
          "type": "bytes32[]"
        }
      ],
      "name": "ModelsSet",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "string",
          "name": "endpoint",
          "type": "string"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "priceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "inputTokenPriceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "outputTokenPriceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "stake",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "bytes32[]",
          "name": "modelIds",
          "type": "bytes32[]"
        }
      ],
      "name": "NodeRegistered",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "string",
          "name": "endpoint",
          "type": "string"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "priceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "inputTokenPriceWei",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "outputTokenPriceWei",
          "type": "uint256"
        }
      ],
      "name": "NodeUpdated",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "previousOwner",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "newOwner",
          "type": "address"
        }
      ],
      "name": "OwnershipTransferred",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "minStake",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint64",
          "name": "livenessWindow",
          "type": "uint64"
        },
        {
          "indexed": false,
          "internalType": "uint64",
          "name": "unstakeDelay",
          "type": "uint64"
        },
        {
          "indexed": false,
          "internalType": "uint16",
          "name": "slashRewardBps",
          "type": "uint16"
        }
      ],
      "name": "ParametersChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "recipient",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "rewarded",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "burned",
          "type": "uint256"
        }
      ],
      "name": "Slashed",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "previous",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "current",
          "type": "address"
        }
      ],
      "name": "SlasherChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "stake",
          "type": "uint256"
        }
      ],
      "name": "StakeAdded",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        }
      ],
      "name": "StakeWithdrawn",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "stake",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint64",
          "name": "availableAt",
          "type": "uint64"
        }
      ],
      "name": "UnstakeRequested",
      "type": "event"
    },
    {
      "inputs": [],
      "name": "MAX_BPS",
      "outputs": [
        {
          "internalType": "uint16",
          "name": "",
          "type": "uint16"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MAX_ENDPOINT_LENGTH",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MAX_MODELS",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        }
      ],
      "name": "addStake",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "getNode",
      "outputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "operator",
              "type": "address"
            },
            {
              "internalType": "string",
              "name": "endpoint",
              "type": "string"
            },
            {
              "internalType": "uint256",
              "name": "priceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "inputTokenPriceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "outputTokenPriceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "stake",
              "type": "uint256"
            },
            {
              "internalType": "bytes32[]",
              "name": "modelIds",
              "type": "bytes32[]"
            },
            {
              "internalType": "uint64",
              "name": "registeredAt",
              "type": "uint64"
            },
            {
              "internalType": "uint64",
              "name": "lastHeartbeat",
              "type": "uint64"
            },
            {
              "internalType": "uint64",
              "name": "unstakeAvailableAt",
              "type": "uint64"
            },
            {
              "internalType": "bool",
              "name": "registered",
              "type": "bool"
            },
            {
              "internalType": "bool",
              "name": "unstaking",
              "type": "bool"
            },
            {
              "internalType": "bool",
              "name": "active",
              "type": "bool"
            }
          ],
          "internalType": "struct NodeRegistry.NodeInfo",
          "name": "",
          "type": "tuple"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "offset",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "limit",
          "type": "uint256"
        }
      ],
      "name": "getNodes",
      "outputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "operator",
              "type": "address"
            },
            {
              "internalType": "string",
              "name": "endpoint",
              "type": "string"
            },
            {
              "internalType": "uint256",
              "name": "priceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "inputTokenPriceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "outputTokenPriceWei",
              "type": "uint256"
            },
            {
              "internalType": "uint256",
              "name": "stake",
              "type": "uint256"
            },
            {
              "internalType": "bytes32[]",
              "name": "modelIds",
              "type": "bytes32[]"
            },
            {
              "internalType": "uint64",
              "name": "registeredAt",
              "type": "uint64"
            },
            {
              "internalType": "uint64",
              "name": "lastHeartbeat",
              "type": "uint64"
            },
            {
              "internalType": "uint64",
              "name": "unstakeAvailableAt",
              "type": "uint64"
            },
            {
              "internalType": "bool",
              "name": "registered",
              "type": "bool"
            },
            {
              "internalType": "bool",
              "name": "unstaking",
              "type": "bool"
            },
            {
              "internalType": "bool",
              "name": "active",
              "type": "bool"
            }
          ],
          "internalType": "struct NodeRegistry.NodeInfo[]",
          "name": "page",
          "type": "tuple[]"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "heartbeat",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "isActive",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "isRegistered",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "livenessWindow",
      "outputs": [
        {
          "internalType": "uint64",
          "name": "",
          "type": "uint64"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "minStake",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "models",
      "outputs": [
        {
          "internalType": "contract ModelRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "index",
          "type": "uint256"
        }
      ],
      "name": "operatorAt",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "operatorCount",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "owner",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "endpoint",
          "type": "string"
        },
        {
          "internalType": "uint256",
          "name": "priceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "inputTokenPriceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "outputTokenPriceWei",
          "type": "uint256"
        },
        {
          "internalType": "bytes32[]",
          "name": "modelIds",
          "type": "bytes32[]"
        },
        {
          "internalType": "uint256",
          "name": "stake",
          "type": "uint256"
        }
      ],
      "name": "register",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "renounceOwnership",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "requestUnstake",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32[]",
          "name": "modelIds",
          "type": "bytes32[]"
        }
      ],
      "name": "setModels",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "minStake_",
          "type": "uint256"
        },
        {
          "internalType": "uint64",
          "name": "livenessWindow_",
          "type": "uint64"
        },
        {
          "internalType": "uint64",
          "name": "unstakeDelay_",
          "type": "uint64"
        },
        {
          "internalType": "uint16",
          "name": "slashRewardBps_",
          "type": "uint16"
        }
      ],
      "name": "setParameters",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "slasher_",
          "type": "address"
        }
      ],
      "name": "setSlasher",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        },
        {
          "internalType": "address",
          "name": "recipient",
          "type": "address"
        }
      ],
      "name": "slash",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "slashed",
          "type": "uint256"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "slashRewardBps",
      "outputs": [
        {
          "internalType": "uint16",
          "name": "",
          "type": "uint16"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "slasher",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "stakeOf",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "token",
      "outputs": [
        {
          "internalType": "contract ERC20Burnable",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "newOwner",
          "type": "address"
        }
      ],
      "name": "transferOwnership",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "unstakeDelay",
      "outputs": [
        {
          "internalType": "uint64",
          "name": "",
          "type": "uint64"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "endpoint",
          "type": "string"
        },
        {
          "internalType": "uint256",
          "name": "priceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "inputTokenPriceWei",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "outputTokenPriceWei",
          "type": "uint256"
        }
      ],
      "name": "update",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "withdrawStake",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    }
  ],
  bytecode: '0x60c060405234801561000f575f5ffd5b506040516122ad3803806122ad83398101604081905261002e916101f0565b806001600160a01b03811661005c57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61006581610091565b506001600160a01b03808816608052861660a052610085858585856100e0565b5050505050505061027d565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b8315806100f457506001600160401b038316155b80610104575061271061ffff8216115b1561012257604051630e52390960e41b815260040160405180910390fd5b6001849055600280546001600160401b038581166001600160801b03199092168217680100000000000000009186169182021761ffff60801b1916600160801b61ffff86169081029190911790935560408051888152602081019390935282015260608101919091527f1c9109ab160224f4f02a62cb4b47bc128d0089aedf68af3d0a92f95261c2c56e9060800160405180910390a150505050565b6001600160a01b03811681146101d2575f5ffd5b50565b80516001600160401b03811681146101eb575f5ffd5b919050565b5f5f5f5f5f5f5f60e0888a031215610206575f5ffd5b8751610211816101be565b6020890151909750610222816101be565b60408901519096509450610238606089016101d5565b9350610246608089016101d5565b925060a088015161ffff8116811461025c575f5ffd5b60c089015190925061026d816101be565b8091505092959891949750929550565b60805160a051611fde6102cf5f395f81816103490152818161133801526113de01525f818161045f01528181610b3c01528181610cbe01528181610d0101528181610f6101526110730152611fde5ff3fe608060405234801561000f575f5ffd5b50600436106101d1575f3560e01c80639986df2c116100fe578063c3c5a5471161009e578063f2fde38b1161006e578063f2fde38b14610447578063fc0c546a1461045a578063fc63958e14610481578063fd967f4714610489575f5ffd5b8063c3c5a547146103ef578063c85d3eb0146101fe578063ea02636314610421578063eb4f16b514610434575f5ffd5b8063aabc2496116100d9578063aabc2496146103ae578063b1344271146103c1578063bed9d861146103d4578063bfac5990146103dc575f5ffd5b80639986df2c146103445780639d2090481461036b5780639f8a13d71461038b575f5ffd5b80633defb962116101745780637c59dec8116101445780637c59dec8146102f15780637c6f3158146103195780637fa92159146103215780638da5cb5b14610334575f5ffd5b80633defb962146102a357806342623360146102ab57806350ecbcaf146102d6578063715018a6146102e9575f5ffd5b80631cd502fd116101af5780631cd502fd1461024057806326142335146102555780633222012f14610280578063375b3c0a1461029a575f5ffd5b8063038d67e8146101d557806310240569146101fe57806315c9788714610215575b5f5ffd5b6101e86101e336600461180b565b610492565b6040516101f5919061199e565b60405180910390f35b61020761010081565b6040519081526020016101f5565b600254610228906001600160401b031681565b6040516001600160401b0390911681526020016101f5565b61025361024e366004611a45565b610597565b005b610268610263366004611a99565b61061c565b6040516001600160a01b0390911681526020016101f5565b60025461022890600160401b90046001600160401b031681565b61020760015481565b610253610684565b6102076102b9366004611ac6565b6001600160a01b03165f9081526004602052604090206001015490565b6102536102e4366004611b1f565b6106f6565b610253610763565b60025461030690600160801b900461ffff1681565b60405161ffff90911681526020016101f5565b600654610207565b61025361032f366004611b73565b610776565b5f546001600160a01b0316610268565b6102687f000000000000000000000000000000000000000000000000000000000000000081565b61037e610379366004611ac6565b610790565b6040516101f59190611bc5565b61039e610399366004611ac6565b610972565b60405190151581526020016101f5565b6102536103bc366004611ac6565b6109f6565b600354610268906001600160a01b031681565b610253610a59565b6102076103ea366004611bd7565b610b95565b61039e6103fd366004611ac6565b6001600160a01b03165f90815260046020526040902054600160c01b900460ff1690565b61025361042f366004611c10565b610dbd565b610253610442366004611a99565b611021565b610253610455366004611ac6565b6110e5565b6102687f000000000000000000000000000000000000000000000000000000000000000081565b610253611122565b61030661271081565b6006546060905f818510156104c6576104ab8583611cb4565b84116104c0576104bb8486611ccd565b6104c8565b816104c8565b845b90506104d48582611cb4565b6001600160401b038111156104eb576104eb611ce0565b60405190808252806020026020018201604052801561052457816020015b610511611710565b8152602001906001900390816105095790505b509250845b8181101561058e576105606006828154811061054757610547611cf4565b5f918252602090912001546001600160a01b0316610790565b8461056b8884611cb4565b8151811061057b5761057b611cf4565b6020908102919091010152600101610529565b50505092915050565b5f6105a1336111bf565b90506105ad868661124a565b600581016105bc868883611d8b565b5060028101849055600381018390556004810182905560405133907fac43cafe447c8ff750623fc413d0052f545b9731b03751d7c0f8f6efffbcb2509061060c9089908990899089908990611e6c565b60405180910390a2505050505050565b6006545f908210610657576006546040516394666f0d60e01b815261064e918491600401918252602082015260400190565b60405180910390fd5b6006828154811061066a5761066a611cf4565b5f918252602090912001546001600160a01b031692915050565b5f61068e336111bf565b80546fffffffffffffffff00000000000000001916600160401b426001600160401b031690810291909117825560405190815290915033907f72382836110f8dba15205d0508ec794c885dfa0cf8e4a75f68386f14e19ecdc19060200160405180910390a250565b5f610700336111bf565b905061070c838361127c565b61071a600682018484611797565b50336001600160a01b03167f5c2b5751fb6b4e3bc874256cbdd2a62d5347f56d573e56d50e5649fe10dcc5298484604051610756929190611ecc565b60405180910390a2505050565b61076b611479565b6107745f6114a5565b565b61077e611479565b61078a848484846114f4565b50505050565b610798611710565b6001600160a01b0382165f9081526005602052604090205460ff166107db57604051630b4fa80360e11b81526001600160a01b038316600482015260240161064e565b6001600160a01b0382165f8181526004602090815260409182902082516101a081019093529282526005830180549183019161081690611d08565b80601f016020809104026020016040519081016040528092919081815260200182805461084290611d08565b801561088d5780601f106108645761010080835404028352916020019161088d565b820191905f5260205f20905b81548152906001019060200180831161087057829003601f168201915b50505050508152602001826002015481526020018260030154815260200182600401548152602001826001015481526020018260060180548060200260200160405190810160405280929190818152602001828054801561090b57602002820191905f5260205f20905b8154815260200190600101908083116108f7575b505050918352505082546001600160401b038082166020840152600160401b820481166040840152600160801b82041660608301819052600160c01b90910460ff1615156080830152151560a082015260c00161096785610972565b151590529392505050565b6001600160a01b0381165f9081526004602052604081208054600160c01b900460ff1680156109b057508054600160801b90046001600160401b0316155b80156109c25750600154816001015410155b80156109ef575060025481546109eb916001600160401b0390811691600160401b900416611ccd565b4211155b9392505050565b6109fe611479565b6003546040516001600160a01b038084169216907f769fddf02aac12fc43be28e1805cccc977b924dddd966bf5ac19c54a769a50bc905f90a3600380546001600160a01b0319166001600160a01b0392909216919091179055565b335f9081526004602052604090208054600160c01b900460ff16610a925760405163bfc6c33760e01b815233600482015260240161064e565b8054600160801b90046001600160401b03165f819003610ac757604051639b66e0ed60e01b815233600482015260240161064e565b806001600160401b0316421015610afc57604051630c63558760e11b81526001600160401b038216600482015260240161064e565b6001820180545f91829055835468ffffffffffffffffff60801b1916845590610b299060068501906117e0565b8015610b6357610b636001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633836115d6565b60405181815233907f8108595eb6bad3acefa9da467d90cc2217686d5c5ac85460f8b7849c840645fc90602001610756565b6003545f906001600160a01b03163314610bc4576040516325e066bb60e11b815233600482015260240161064e565b825f03610be457604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0384165f90815260046020526040902060018101548154600160c01b900460ff161580610c16575080155b15610c3f57604051630752994b60e51b81526001600160a01b038716600482015260240161064e565b808510610c4c5780610c4e565b845b9250610c5a8382611cb4565b60018301555f6001600160a01b03851615610c9a5760025461271090610c8b90600160801b900461ffff1686611ee7565b610c959190611efe565b610c9c565b5f5b90505f610ca98286611cb4565b90508115610ce557610ce56001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001687846115d6565b8015610d6157604051630852cd8d60e31b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906342966c68906024015f604051808303815f87803b158015610d4a575f5ffd5b505af1158015610d5c573d5f5f3e3d5ffd5b505050505b60408051868152602081018490529081018290526001600160a01b0380881691908a16907fd80b09e59f190f658efcb1b3a30ef9660b3954f5ae63099a42dac2f5ad94404e9060600160405180910390a3505050509392505050565b335f9081526004602052604090208054600160c01b900460ff1615610df7576040516345ed80e960e01b815233600482015260240161064e565b600154821015610e285760015460405163829f116360e01b815261064e918491600401918252602082015260400190565b610e32898961124a565b610e3c848461127c565b8054600160c01b78ff00000000000000000000000000000000ffffffffffffffff19909116426001600160401b03169081179190911777ffffffffffffffffffffffffffffffff00000000000000001916600160401b9190910267ffffffffffffffff60801b19161781556001810182905560028101879055600381018690556004810185905560058101610ed2898b83611d8b565b50610ee1600682018585611797565b50335f9081526005602052604090205460ff16610f5457335f818152600560205260408120805460ff191660019081179091556006805491820181559091527ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f0180546001600160a01b03191690911790555b610f896001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633308561160b565b336001600160a01b03167ff5f721e511e9559d77d2500379234eaee4dfd8f255079e546437ee2adbd5d75a8a8a8a8a8a888b8b604051610fd0989796959493929190611f1d565b60405180910390a26040516001600160401b034216815233907f72382836110f8dba15205d0508ec794c885dfa0cf8e4a75f68386f14e19ecdc19060200160405180910390a2505050505050505050565b5f61102b336111bf565b9050815f0361104d57604051631f2a200560e01b815260040160405180910390fd5b81816001015f8282546110609190611ccd565b9091555061109b90506001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633308561160b565b600181015460405133917f270d6dd254edd1d985c81cf7861b8f28fb06b6d719df04d90464034d43412440916110d991868252602082015260400190565b60405180910390a25050565b6110ed611479565b6001600160a01b03811661111657604051631e4fbdf760e01b81525f600482015260240161064e565b61111f816114a5565b50565b5f61112c336111bf565b6002549091505f9061114e90600160401b90046001600160401b031642611f6a565b82546001600160401b038216600160801b0267ffffffffffffffff60801b19909116178355600183015460405191925033917f21020437c0e4b58b34bd7ac1f1cef55e7820d1bcd93824ceb273cad96eea704c916110d99185909182526001600160401b0316602082015260400190565b6001600160a01b0381165f9081526004602052604090208054600160c01b900460ff1661120a5760405163bfc6c33760e01b81526001600160a01b038316600482015260240161064e565b8054600160801b90046001600160401b03161561124557604051632d0fcf6560e01b81526001600160a01b038316600482015260240161064e565b919050565b80801580611259575061010081115b156112775760405163f1cbb56760e01b815260040160405180910390fd5b505050565b6101008111156112aa5760405163cd41755d60e01b815260048101829052610100602482015260440161064e565b5f5b81811015611277575f8383838181106112c7576112c7611cf4565b9050602002013590505f82118015611301575083836112e7600185611cb4565b8181106112f6576112f6611cf4565b905060200201358111155b156113225760405163f32facd560e01b81526004810183905260240161064e565b604051630e29a66960e21b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906338a699a490602401602060405180830381865afa158015611385573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906113a99190611f89565b6113c95760405163a2dc062560e01b81526004810182905260240161064e565b6040516237935760e61b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690630de4d5c090602401602060405180830381865afa15801561142b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061144f9190611f89565b1561147057604051633c35f0e760e21b81526004810182905260240161064e565b506001016112ac565b5f546001600160a01b031633146107745760405163118cdaa760e01b815233600482015260240161064e565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b83158061150857506001600160401b038316155b80611518575061271061ffff8216115b1561153657604051630e52390960e41b815260040160405180910390fd5b6001849055600280546001600160401b038581166fffffffffffffffffffffffffffffffff199092168217600160401b9186169182021761ffff60801b1916600160801b61ffff86169081029190911790935560408051888152602081019390935282015260608101919091527f1c9109ab160224f4f02a62cb4b47bc128d0089aedf68af3d0a92f95261c2c56e9060800160405180910390a150505050565b6115e38383836001611641565b61127757604051635274afe760e01b81526001600160a01b038416600482015260240161064e565b6116198484848460016116a3565b61078a57604051635274afe760e01b81526001600160a01b038516600482015260240161064e565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f5114831661169757838315161561168b573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f511483166116ff5783831516156116f3573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b604051806101a001604052805f6001600160a01b03168152602001606081526020015f81526020015f81526020015f81526020015f8152602001606081526020015f6001600160401b031681526020015f6001600160401b031681526020015f6001600160401b031681526020015f151581526020015f151581526020015f151581525090565b828054828255905f5260205f209081019282156117d0579160200282015b828111156117d05782358255916020019190600101906117b5565b506117dc9291506117f7565b5090565b5080545f8255905f5260205f209081019061111f91905b5b808211156117dc575f81556001016117f8565b5f5f6040838503121561181c575f5ffd5b50508035926020909101359150565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f8151808452602084019350602083015f5b8281101561188957815186526020958601959091019060010161186b565b5093949350505050565b80516001600160a01b031682525f60208201516101a060208501526118bc6101a085018261182b565b905060408301516040850152606083015160608501526080830151608085015260a083015160a085015260c083015184820360c08601526118fd8282611859565b91505060e083015161191a60e08601826001600160401b03169052565b506101008301516119376101008601826001600160401b03169052565b506101208301516119546101208601826001600160401b03169052565b5061014083015161196a61014086018215159052565b5061016083015161198061016086018215159052565b5061018083015161199661018086018215159052565b509392505050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b828110156119f557603f198786030184526119e0858351611893565b945060209384019391909101906001016119c4565b50929695505050505050565b5f5f83601f840112611a11575f5ffd5b5081356001600160401b03811115611a27575f5ffd5b602083019150836020828501011115611a3e575f5ffd5b9250929050565b5f5f5f5f5f60808688031215611a59575f5ffd5b85356001600160401b03811115611a6e575f5ffd5b611a7a88828901611a01565b9099909850602088013597604081013597506060013595509350505050565b5f60208284031215611aa9575f5ffd5b5035919050565b80356001600160a01b0381168114611245575f5ffd5b5f60208284031215611ad6575f5ffd5b6109ef82611ab0565b5f5f83601f840112611aef575f5ffd5b5081356001600160401b03811115611b05575f5ffd5b6020830191508360208260051b8501011115611a3e575f5ffd5b5f5f60208385031215611b30575f5ffd5b82356001600160401b03811115611b45575f5ffd5b611b5185828601611adf565b90969095509350505050565b80356001600160401b0381168114611245575f5ffd5b5f5f5f5f60808587031215611b86575f5ffd5b84359350611b9660208601611b5d565b9250611ba460408601611b5d565b9150606085013561ffff81168114611bba575f5ffd5b939692955090935050565b602081525f6109ef6020830184611893565b5f5f5f60608486031215611be9575f5ffd5b611bf284611ab0565b925060208401359150611c0760408501611ab0565b90509250925092565b5f5f5f5f5f5f5f5f60c0898b031215611c27575f5ffd5b88356001600160401b03811115611c3c575f5ffd5b611c488b828c01611a01565b90995097505060208901359550604089013594506060890135935060808901356001600160401b03811115611c7b575f5ffd5b611c878b828c01611adf565b999c989b50969995989497949560a00135949350505050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115611cc757611cc7611ca0565b92915050565b80820180821115611cc757611cc7611ca0565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b600181811c90821680611d1c57607f821691505b602082108103611d3a57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561127757805f5260205f20601f840160051c81016020851015611d655750805b601f840160051c820191505b81811015611d84575f8155600101611d71565b5050505050565b6001600160401b03831115611da257611da2611ce0565b611db683611db08354611d08565b83611d40565b5f601f841160018114611de7575f8515611dd05750838201355b5f19600387901b1c1916600186901b178355611d84565b5f83815260208120601f198716915b82811015611e165786850135825560209485019460019092019101611df6565b5086821015611e32575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b608081525f611e7f608083018789611e44565b602083019590955250604081019290925260609091015292915050565b8183525f6001600160fb1b03831115611eb3575f5ffd5b8260051b80836020870137939093016020019392505050565b602081525f611edf602083018486611e9c565b949350505050565b8082028115828204841417611cc757611cc7611ca0565b5f82611f1857634e487b7160e01b5f52601260045260245ffd5b500490565b60c081525f611f3060c083018a8c611e44565b88602084015287604084015286606084015285608084015282810360a0840152611f5b818587611e9c565b9b9a5050505050505050505050565b6001600160401b038181168382160190811115611cc757611cc7611ca0565b5f60208284031215611f99575f5ffd5b815180151581146109ef575f5ffdfea2646970667358221220f769b65fae10c97a585b16bc50bf2b814b70ea8f9b3e23cfde3adb348551296364736f6c634300081e0033',
} as const;

export const ReceiptRegistry = {
  contractName: 'ReceiptRegistry',
  abi: [
    {
      "inputs": [
        {
          "internalType": "contract NodeRegistry",
          "name": "nodes_",
          "type": "address"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [],
      "name": "ECDSAInvalidSignature",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "length",
          "type": "uint256"
        }
      ],
      "name": "ECDSAInvalidSignatureLength",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "s",
          "type": "bytes32"
        }
      ],
      "name": "ECDSAInvalidSignatureS",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "EmptyEpoch",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        }
      ],
      "name": "ExecutorNotRegistered",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidShortString",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidSignature",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "NotIncluded",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        }
      ],
      "name": "NotRegisteredNode",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        },
        {
          "internalType": "bytes32",
          "name": "root",
          "type": "bytes32"
        }
      ],
      "name": "RootAlreadyPosted",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "RootNotPosted",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "signer",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        }
      ],
      "name": "SignerNotExecutor",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "str",
          "type": "string"
        }
      ],
      "name": "StringTooLong",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroRoot",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [],
      "name": "EIP712DomainChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "root",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint32",
          "name": "count",
          "type": "uint32"
        }
      ],
      "name": "RootPosted",
      "type": "event"
    },
    {
      "inputs": [],
      "name": "RECEIPT_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "receipt",
          "type": "tuple"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        },
        {
          "internalType": "bytes32[]",
          "name": "proof",
          "type": "bytes32[]"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "check",
      "outputs": [
        {
          "internalType": "enum ReceiptRegistry.Status",
          "name": "",
          "type": "uint8"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "eip712Domain",
      "outputs": [
        {
          "internalType": "bytes1",
          "name": "fields",
          "type": "bytes1"
        },
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        },
        {
          "internalType": "uint256",
          "name": "chainId",
          "type": "uint256"
        },
        {
          "internalType": "address",
          "name": "verifyingContract",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "salt",
          "type": "bytes32"
        },
        {
          "internalType": "uint256[]",
          "name": "extensions",
          "type": "uint256[]"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "nodes",
      "outputs": [
        {
          "internalType": "contract NodeRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        },
        {
          "internalType": "bytes32",
          "name": "root",
          "type": "bytes32"
        },
        {
          "internalType": "uint32",
          "name": "count",
          "type": "uint32"
        }
      ],
      "name": "postRoot",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "receipt",
          "type": "tuple"
        }
      ],
      "name": "receiptDigest",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "digest",
          "type": "bytes32"
        }
      ],
      "name": "receiptLeaf",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "pure",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "operator",
          "type": "address"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "rootOf",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "receipt",
          "type": "tuple"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        },
        {
          "internalType": "bytes32[]",
          "name": "proof",
          "type": "bytes32[]"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "verify",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "receipt",
          "type": "tuple"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        },
        {
          "internalType": "bytes32[]",
          "name": "proof",
          "type": "bytes32[]"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "verifyOrRevert",
      "outputs": [],
      "stateMutability": "view",
      "type": "function"
    }
  ],
  bytecode: '0x610180604052348015610010575f5ffd5b506040516113c83803806113c883398101604081905261002f91610171565b6040518060400160405280600681526020016556657269747960d01b815250604051806040016040528060018152602001603160f81b8152506100778261012b60201b60201c565b610120526100848161012b565b61014052815160208084019190912060e052815190820120610100524660a05261011060e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b0316610160526101f9565b5f5f829050601f8151111561015e578260405163305a27a960e01b8152600401610155919061019e565b60405180910390fd5b8051610169826101d3565b179392505050565b5f60208284031215610181575f5ffd5b81516001600160a01b0381168114610197575f5ffd5b9392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156101f3575f198160200360031b1b821691505b50919050565b60805160a05160c05160e051610100516101205161014051610160516111666102625f395f818161010a0152818161032e015261046b01525f61095801525f61092801525f610bf101525f610bc901525f610b2401525f610b4e01525f610b7801526111665ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c806395850f591161006357806395850f591461017f578063aafe1173146101a6578063b9fb34f4146101c9578063cdefe8dc146101de578063f98f6d48146101f1575f5ffd5b806338386c121461009f5780635c259bc5146100c55780635db82fa01461010557806367fae57a1461014457806384b0196e14610164575b5f5ffd5b6100b26100ad366004610d53565b610204565b6040519081526020015b60405180910390f35b6100b26100d3366004610d9b565b6001600160a01b0382165f9081526002602090815260408083206001600160401b038516845290915290205492915050565b61012c7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100bc565b610157610152366004610e2a565b610252565b6040516100bc9190610f12565b61016c6103e7565b6040516100bc9796959493929190610f66565b6100b27f93a4f11dd70449d31f264a50f6f54a79556bcfa49e12c20a7eb7a73f115c888081565b6101b96101b4366004610e2a565b610429565b60405190151581526020016100bc565b6101dc6101d7366004610ffc565b610456565b005b6100b26101ec366004611041565b61060d565b6101dc6101ff366004610e2a565b61072e565b5f8160405160200161021891815260200190565b60408051601f1981840301815282825280516020918201209083015201604051602081830303815290604052805190602001209050919050565b5f5f61025d8861060d565b90505f5f61026c838a8a6108c3565b5090925090505f81600381111561028557610285610efe565b14158061029957506001600160a01b038216155b156102aa57600193505050506103dd565b6102ba60a08b0160808c0161107a565b6001600160a01b0316826001600160a01b0316146102de57600293505050506103dd565b6001600160a01b0382165f9081526002602090815260408083206001600160401b0389168452909152902054806103b05760405163c3c5a54760e01b81526001600160a01b0384811660048301527f0000000000000000000000000000000000000000000000000000000000000000169063c3c5a54790602401602060405180830381865afa158015610373573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103979190611093565b6103a25760036103a5565b60045b9450505050506103dd565b6103c48888836103bf88610204565b61090a565b6103d55760059450505050506103dd565b5f9450505050505b9695505050505050565b5f6060805f5f5f60606103f8610921565b610400610951565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f80610439888888888888610252565b600581111561044a5761044a610efe565b14979650505050505050565b60405163c3c5a54760e01b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063c3c5a54790602401602060405180830381865afa1580156104b8573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104dc9190611093565b610500576040516323e9993960e11b81523360048201526024015b60405180910390fd5b8161051e5760405163b263ae7360e01b815260040160405180910390fd5b8063ffffffff165f0361054457604051631399323960e21b815260040160405180910390fd5b335f9081526002602090815260408083206001600160401b0387168452909152902054801561059e57604051635f5acea760e11b81523360048201526001600160401b0385166024820152604481018290526064016104f7565b335f8181526002602090815260408083206001600160401b03891680855290835292819020879055805187815263ffffffff8716928101929092529192917f857fc8ef9fc461221128f3d4f294259ea28a986f9d5315f9c4939252d327b862910160405180910390a350505050565b5f6107287f93a4f11dd70449d31f264a50f6f54a79556bcfa49e12c20a7eb7a73f115c8880833560208501356040860135606087013561065360a0890160808a0161107a565b60a089013561066860e08b0160c08c016110b2565b61067560e08c018c6110cb565b60405161068392919061110d565b60405190819003902061069a6101008d018d6110cb565b6040516106a892919061110d565b60408051918290038220602083019b909b528101989098526060880196909652608087019490945260a08601929092526001600160a01b031660c085015260e08401526001600160401b0316610100830152610120820152610140810191909152610160016040516020818303038152906040528051906020012061097c565b92915050565b5f61073d878787878787610252565b90505f81600581111561075257610752610efe565b0361075d57506108bb565b600181600581111561077157610771610efe565b0361078f57604051638baa579f60e01b815260040160405180910390fd5b60028160058111156107a3576107a3610efe565b036107f7576107bb6107b48861060d565b87876109a8565b6107cb60a0890160808a0161107a565b60405163851b7c7960e01b81526001600160a01b039283166004820152911660248201526044016104f7565b600381600581111561080b5761080b610efe565b036108455761082060a088016080890161107a565b604051634cb3404d60e11b81526001600160a01b0390911660048201526024016104f7565b600481600581111561085957610859610efe565b036108a25761086e60a088016080890161107a565b60405163445ee62960e11b81526001600160a01b0390911660048201526001600160401b03831660248201526044016104f7565b604051633d76489160e01b815260040160405180910390fd5b505050505050565b5f808060418490036108f7578435602086013560408701355f1a6108e9898285856109d2565b955095509550505050610901565b505f915060029050825b93509350939050565b5f82610917868685610a9a565b1495945050505050565b606061094c7f0000000000000000000000000000000000000000000000000000000000000000610adb565b905090565b606061094c7f0000000000000000000000000000000000000000000000000000000000000000610adb565b5f610728610988610b18565b8360405161190160f01b8152600281019290925260228201526042902090565b5f5f5f5f6109b78787876108c3565b9250925092506109c78282610c41565b509095945050505050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115610a0b57505f91506003905082610a90565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015610a5c573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b038116610a8757505f925060019150829050610a90565b92505f91508190505b9450945094915050565b5f81815b84811015610ad257610ac882878784818110610abc57610abc61111c565b90506020020135610cfd565b9150600101610a9e565b50949350505050565b60605f610ae783610d2c565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015610b7057507f000000000000000000000000000000000000000000000000000000000000000046145b15610b9a57507f000000000000000000000000000000000000000000000000000000000000000090565b61094c604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f826003811115610c5457610c54610efe565b03610c5d575050565b6001826003811115610c7157610c71610efe565b03610c8f5760405163f645eedf60e01b815260040160405180910390fd5b6002826003811115610ca357610ca3610efe565b03610cc45760405163fce698f760e01b8152600481018290526024016104f7565b6003826003811115610cd857610cd8610efe565b03610cf9576040516335e2f38360e21b8152600481018290526024016104f7565b5050565b5f818310610d17575f828152602084905260409020610d25565b5f8381526020839052604090205b9392505050565b5f60ff8216601f81111561072857604051632cd44ac360e21b815260040160405180910390fd5b5f60208284031215610d63575f5ffd5b5035919050565b80356001600160a01b0381168114610d80575f5ffd5b919050565b80356001600160401b0381168114610d80575f5ffd5b5f5f60408385031215610dac575f5ffd5b610db583610d6a565b9150610dc360208401610d85565b90509250929050565b5f6101208284031215610ddd575f5ffd5b50919050565b5f5f83601f840112610df3575f5ffd5b5081356001600160401b03811115610e09575f5ffd5b6020830191508360208260051b8501011115610e23575f5ffd5b9250929050565b5f5f5f5f5f5f60808789031215610e3f575f5ffd5b86356001600160401b03811115610e54575f5ffd5b610e6089828a01610dcc565b96505060208701356001600160401b03811115610e7b575f5ffd5b8701601f81018913610e8b575f5ffd5b80356001600160401b03811115610ea0575f5ffd5b896020828401011115610eb1575f5ffd5b6020919091019550935060408701356001600160401b03811115610ed3575f5ffd5b610edf89828a01610de3565b9094509250610ef2905060608801610d85565b90509295509295509295565b634e487b7160e01b5f52602160045260245ffd5b6020810160068310610f3257634e487b7160e01b5f52602160045260245ffd5b91905290565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f610f8460e0830189610f38565b8281036040840152610f968189610f38565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015610feb578351835260209384019390920191600101610fcd565b50909b9a5050505050505050505050565b5f5f5f6060848603121561100e575f5ffd5b61101784610d85565b925060208401359150604084013563ffffffff81168114611036575f5ffd5b809150509250925092565b5f60208284031215611051575f5ffd5b81356001600160401b03811115611066575f5ffd5b61107284828501610dcc565b949350505050565b5f6020828403121561108a575f5ffd5b610d2582610d6a565b5f602082840312156110a3575f5ffd5b81518015158114610d25575f5ffd5b5f602082840312156110c2575f5ffd5b610d2582610d85565b5f5f8335601e198436030181126110e0575f5ffd5b8301803591506001600160401b038211156110f9575f5ffd5b602001915036819003821315610e23575f5ffd5b818382375f9101908152919050565b634e487b7160e01b5f52603260045260245ffdfea26469706673582212207c9d60ea007d584c0a1356a41b81309269304223a98178d75ae290ff6588b0c564736f6c634300081e0033',
} as const;

export const ExampleConsumer = {
  contractName: 'ExampleConsumer',
  abi: [
    {
      "inputs": [
        {
          "internalType": "contract ReceiptRegistry",
          "name": "registry_",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "modelId_",
          "type": "bytes32"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "AlreadyAccepted",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "ReceiptNotVerified",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "UnknownRequest",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "expected",
          "type": "bytes32"
        },
        {
          "internalType": "bytes32",
          "name": "actual",
          "type": "bytes32"
        }
      ],
      "name": "WrongModel",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "executor",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "outputHash",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "ResultAccepted",
      "type": "event"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "receipt",
          "type": "tuple"
        },
        {
          "internalType": "bytes",
          "name": "signature",
          "type": "bytes"
        },
        {
          "internalType": "bytes32[]",
          "name": "proof",
          "type": "bytes32[]"
        },
        {
          "internalType": "uint64",
          "name": "epoch",
          "type": "uint64"
        }
      ],
      "name": "accept",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "isAccepted",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "modelId",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "registry",
      "outputs": [
        {
          "internalType": "contract ReceiptRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "resultOf",
      "outputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint64",
              "name": "epoch",
              "type": "uint64"
            },
            {
              "internalType": "uint64",
              "name": "acceptedAt",
              "type": "uint64"
            }
          ],
          "internalType": "struct ExampleConsumer.Result",
          "name": "result",
          "type": "tuple"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    }
  ],
  bytecode: '0x60c060405234801561000f575f5ffd5b506040516108d93803806108d983398101604081905261002e91610044565b6001600160a01b0390911660805260a05261007b565b5f5f60408385031215610055575f5ffd5b82516001600160a01b038116811461006b575f5ffd5b6020939093015192949293505050565b60805160a05161082a6100af5f395f818160bf01528181610227015261025f01525f818160f401526102e9015261082a5ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c806321100a741461005957806343cdaad2146100ba5780637b103999146100ef578063a78f84cf1461012e578063d7dc06931461016b575b5f5ffd5b61006c6100673660046104b1565b610180565b60408051825181526020808401516001600160a01b031690820152828201516001600160401b0390811692820192909252606092830151909116918101919091526080015b60405180910390f35b6100e17f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020016100b1565b6101167f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100b1565b61015b61013c3660046104b1565b5f908152602081905260409020600101546001600160a01b0316151590565b60405190151581526020016100b1565b61017e610179366004610525565b610225565b005b604080516080810182525f808252602082018190529181018290526060810191909152505f818152602081815260409182902082516080810184528154815260018201546001600160a01b0381169382018490526001600160401b03600160a01b909104811694820194909452600290910154909216606083015261022057604051637bbe34c960e01b8152600481018390526024015b60405180910390fd5b919050565b7f00000000000000000000000000000000000000000000000000000000000000008660200135146102955760405163178609a760e21b81527f0000000000000000000000000000000000000000000000000000000000000000600482015260208701356024820152604401610217565b85355f908152602081905260409020600101546001600160a01b0316156102d2576040516311fb1a9f60e01b815286356004820152602401610217565b60405163aafe117360e01b81526001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063aafe117390610328908990899089908990899089906004016106ad565b602060405180830381865afa158015610343573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061036791906107b5565b61038757604051630806ab9160e11b815286356004820152602401610217565b6040518060800160405280876060013581526020018760800160208101906103af91906107db565b6001600160a01b0390811682526001600160401b038085166020808501919091524282166040948501528a355f9081528082528490208551815590850151600182018054958701518416600160a01b026001600160e01b0319909616919094161793909317909155606090920151600290910180549190921667ffffffffffffffff1990911617905561044860a08701608088016107db565b6001600160a01b03168660200135875f01357f7cf91b404cacac31bf4d66017afb7000b98af34f60bf7e896d28236745a447eb8960600135856040516104a19291909182526001600160401b0316602082015260400190565b60405180910390a4505050505050565b5f602082840312156104c1575f5ffd5b5035919050565b5f5f83601f8401126104d8575f5ffd5b5081356001600160401b038111156104ee575f5ffd5b6020830191508360208260051b8501011115610508575f5ffd5b9250929050565b80356001600160401b0381168114610220575f5ffd5b5f5f5f5f5f5f6080878903121561053a575f5ffd5b86356001600160401b0381111561054f575f5ffd5b8701610120818a031215610561575f5ffd5b955060208701356001600160401b0381111561057b575f5ffd5b8701601f8101891361058b575f5ffd5b80356001600160401b038111156105a0575f5ffd5b8960208284010111156105b1575f5ffd5b6020919091019550935060408701356001600160401b038111156105d3575f5ffd5b6105df89828a016104c8565b90945092506105f290506060880161050f565b90509295509295509295565b80356001600160a01b0381168114610220575f5ffd5b5f5f8335601e19843603018112610629575f5ffd5b83016020810192503590506001600160401b03811115610647575f5ffd5b803603821315610508575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b8183525f6001600160fb1b03831115610694575f5ffd5b8260051b80836020870137939093016020019392505050565b6080808252873582820152602088013560a0830152604088013560c0830152606088013560e08301525f906106e39089016105fe565b6001600160a01b031661010083015260a088013561012083015261070960c0890161050f565b6001600160401b031661014083015261072560e0890189610614565b61012061016085015261073d6101a085018284610655565b91505061074e6101008a018a610614565b848303607f1901610180860152610766838284610655565b92505050828103602084015261077d81888a610655565b9050828103604084015261079281868861067d565b9150506107aa60608301846001600160401b03169052565b979650505050505050565b5f602082840312156107c5575f5ffd5b815180151581146107d4575f5ffd5b9392505050565b5f602082840312156107eb575f5ffd5b6107d4826105fe56fea264697066735822122093d3bab1e88cf3eb1cd9fc87cf97b6d7575a27a226fc8463b7827cdbb7d3032464736f6c634300081e0033',
} as const;

export const BatchSettlement = {
  contractName: 'BatchSettlement',
  abi: [
    {
      "inputs": [],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "target",
          "type": "address"
        }
      ],
      "name": "AddressEmptyCode",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ClaimExceedsBalance",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ClaimExceedsCeiling",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "DepositCollectionFailed",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "DepositOverflow",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "EmptyBatch",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "FailedCall",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidChannel",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidCollector",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidRefundNonce",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidShortString",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "InvalidSignature",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "NotAuthorizedToClaim",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "NotAuthorizedToFinalizeWithdraw",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "NotAuthorizedToRefund",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "NotReceiverAuthorizer",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "NothingToWithdraw",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ReentrancyGuardReentrantCall",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "token",
          "type": "address"
        }
      ],
      "name": "SafeERC20FailedOperation",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "string",
          "name": "str",
          "type": "string"
        }
      ],
      "name": "StringTooLong",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "WithdrawAmountExceedsAvailable",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "WithdrawDelayNotElapsed",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "WithdrawDelayOutOfRange",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "WithdrawalAlreadyPending",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "WithdrawalNotPending",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroDeposit",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroRefund",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "indexed": false,
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        }
      ],
      "name": "ChannelClosed",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "indexed": false,
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        }
      ],
      "name": "ChannelCreated",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "sender",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "claimAmount",
          "type": "uint128"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "newTotalClaimed",
          "type": "uint128"
        }
      ],
      "name": "Claimed",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "sender",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "newBalance",
          "type": "uint128"
        }
      ],
      "name": "Deposited",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [],
      "name": "EIP712DomainChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "sender",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        }
      ],
      "name": "Refunded",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "receiver",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "token",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "sender",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        }
      ],
      "name": "Settled",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "sender",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        }
      ],
      "name": "WithdrawFinalized",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        },
        {
          "indexed": false,
          "internalType": "uint40",
          "name": "finalizeAfter",
          "type": "uint40"
        }
      ],
      "name": "WithdrawInitiated",
      "type": "event"
    },
    {
      "inputs": [],
      "name": "CHANNEL_CONFIG_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "CLAIM_BATCH_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "CLAIM_ENTRY_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MAX_WITHDRAW_DELAY",
      "outputs": [
        {
          "internalType": "uint40",
          "name": "",
          "type": "uint40"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "MIN_WITHDRAW_DELAY",
      "outputs": [
        {
          "internalType": "uint40",
          "name": "",
          "type": "uint40"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "REFUND_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "VOUCHER_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        }
      ],
      "name": "channels",
      "outputs": [
        {
          "internalType": "uint128",
          "name": "balance",
          "type": "uint128"
        },
        {
          "internalType": "uint128",
          "name": "totalClaimed",
          "type": "uint128"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "components": [
                {
                  "components": [
                    {
                      "internalType": "address",
                      "name": "payer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "payerAuthorizer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "receiver",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "receiverAuthorizer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "token",
                      "type": "address"
                    },
                    {
                      "internalType": "uint40",
                      "name": "withdrawDelay",
                      "type": "uint40"
                    },
                    {
                      "internalType": "bytes32",
                      "name": "salt",
                      "type": "bytes32"
                    }
                  ],
                  "internalType": "struct BatchSettlement.ChannelConfig",
                  "name": "channel",
                  "type": "tuple"
                },
                {
                  "internalType": "uint128",
                  "name": "maxClaimableAmount",
                  "type": "uint128"
                }
              ],
              "internalType": "struct BatchSettlement.Voucher",
              "name": "voucher",
              "type": "tuple"
            },
            {
              "internalType": "bytes",
              "name": "signature",
              "type": "bytes"
            },
            {
              "internalType": "uint128",
              "name": "totalClaimed",
              "type": "uint128"
            }
          ],
          "internalType": "struct BatchSettlement.VoucherClaim[]",
          "name": "voucherClaims",
          "type": "tuple[]"
        }
      ],
      "name": "claim",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "components": [
                {
                  "components": [
                    {
                      "internalType": "address",
                      "name": "payer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "payerAuthorizer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "receiver",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "receiverAuthorizer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "token",
                      "type": "address"
                    },
                    {
                      "internalType": "uint40",
                      "name": "withdrawDelay",
                      "type": "uint40"
                    },
                    {
                      "internalType": "bytes32",
                      "name": "salt",
                      "type": "bytes32"
                    }
                  ],
                  "internalType": "struct BatchSettlement.ChannelConfig",
                  "name": "channel",
                  "type": "tuple"
                },
                {
                  "internalType": "uint128",
                  "name": "maxClaimableAmount",
                  "type": "uint128"
                }
              ],
              "internalType": "struct BatchSettlement.Voucher",
              "name": "voucher",
              "type": "tuple"
            },
            {
              "internalType": "bytes",
              "name": "signature",
              "type": "bytes"
            },
            {
              "internalType": "uint128",
              "name": "totalClaimed",
              "type": "uint128"
            }
          ],
          "internalType": "struct BatchSettlement.VoucherClaim[]",
          "name": "voucherClaims",
          "type": "tuple[]"
        },
        {
          "internalType": "bytes",
          "name": "authorizerSignature",
          "type": "bytes"
        }
      ],
      "name": "claimWithSignature",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        },
        {
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        },
        {
          "internalType": "address",
          "name": "collector",
          "type": "address"
        },
        {
          "internalType": "bytes",
          "name": "collectorData",
          "type": "bytes"
        }
      ],
      "name": "deposit",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "eip712Domain",
      "outputs": [
        {
          "internalType": "bytes1",
          "name": "fields",
          "type": "bytes1"
        },
        {
          "internalType": "string",
          "name": "name",
          "type": "string"
        },
        {
          "internalType": "string",
          "name": "version",
          "type": "string"
        },
        {
          "internalType": "uint256",
          "name": "chainId",
          "type": "uint256"
        },
        {
          "internalType": "address",
          "name": "verifyingContract",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "salt",
          "type": "bytes32"
        },
        {
          "internalType": "uint256[]",
          "name": "extensions",
          "type": "uint256[]"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "erc3009DepositCollectorCode",
      "outputs": [
        {
          "internalType": "bytes",
          "name": "",
          "type": "bytes"
        }
      ],
      "stateMutability": "pure",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        }
      ],
      "name": "finalizeWithdraw",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        }
      ],
      "name": "getChannelId",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "components": [
                {
                  "components": [
                    {
                      "internalType": "address",
                      "name": "payer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "payerAuthorizer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "receiver",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "receiverAuthorizer",
                      "type": "address"
                    },
                    {
                      "internalType": "address",
                      "name": "token",
                      "type": "address"
                    },
                    {
                      "internalType": "uint40",
                      "name": "withdrawDelay",
                      "type": "uint40"
                    },
                    {
                      "internalType": "bytes32",
                      "name": "salt",
                      "type": "bytes32"
                    }
                  ],
                  "internalType": "struct BatchSettlement.ChannelConfig",
                  "name": "channel",
                  "type": "tuple"
                },
                {
                  "internalType": "uint128",
                  "name": "maxClaimableAmount",
                  "type": "uint128"
                }
              ],
              "internalType": "struct BatchSettlement.Voucher",
              "name": "voucher",
              "type": "tuple"
            },
            {
              "internalType": "bytes",
              "name": "signature",
              "type": "bytes"
            },
            {
              "internalType": "uint128",
              "name": "totalClaimed",
              "type": "uint128"
            }
          ],
          "internalType": "struct BatchSettlement.VoucherClaim[]",
          "name": "voucherClaims",
          "type": "tuple[]"
        }
      ],
      "name": "getClaimBatchDigest",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "internalType": "uint256",
          "name": "nonce",
          "type": "uint256"
        },
        {
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        }
      ],
      "name": "getRefundDigest",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        },
        {
          "internalType": "uint128",
          "name": "maxClaimableAmount",
          "type": "uint128"
        }
      ],
      "name": "getVoucherDigest",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        },
        {
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        }
      ],
      "name": "initiateWithdraw",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes[]",
          "name": "data",
          "type": "bytes[]"
        }
      ],
      "name": "multicall",
      "outputs": [
        {
          "internalType": "bytes[]",
          "name": "results",
          "type": "bytes[]"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        }
      ],
      "name": "pendingWithdrawals",
      "outputs": [
        {
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        },
        {
          "internalType": "uint40",
          "name": "initiatedAt",
          "type": "uint40"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "receiver",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "token",
          "type": "address"
        }
      ],
      "name": "receivers",
      "outputs": [
        {
          "internalType": "uint128",
          "name": "totalClaimed",
          "type": "uint128"
        },
        {
          "internalType": "uint128",
          "name": "totalSettled",
          "type": "uint128"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        },
        {
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        }
      ],
      "name": "refund",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "channelId",
          "type": "bytes32"
        }
      ],
      "name": "refundNonce",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "payer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "payerAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiver",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "receiverAuthorizer",
              "type": "address"
            },
            {
              "internalType": "address",
              "name": "token",
              "type": "address"
            },
            {
              "internalType": "uint40",
              "name": "withdrawDelay",
              "type": "uint40"
            },
            {
              "internalType": "bytes32",
              "name": "salt",
              "type": "bytes32"
            }
          ],
          "internalType": "struct BatchSettlement.ChannelConfig",
          "name": "config",
          "type": "tuple"
        },
        {
          "internalType": "uint128",
          "name": "amount",
          "type": "uint128"
        },
        {
          "internalType": "uint256",
          "name": "nonce",
          "type": "uint256"
        },
        {
          "internalType": "bytes",
          "name": "receiverAuthorizerSignature",
          "type": "bytes"
        }
      ],
      "name": "refundWithSignature",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "receiver",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "token",
          "type": "address"
        }
      ],
      "name": "settle",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    }
  ],
  bytecode: '0x610160604052348015610010575f5ffd5b506040518060400160405280601581526020017f7834303220426174636820536574746c656d656e740000000000000000000000815250604051806040016040528060018152602001603160f81b8152506100708261011760201b60201c565b6101205261007d81610117565b61014052815160208084019190912060e052815190820120610100524660a05261010960e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526101b8565b5f5f829050601f8151111561014a578260405163305a27a960e01b8152600401610141919061015d565b60405180910390fd5b805161015582610192565b179392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156101b2575f198160200360031b1b821691505b50919050565b60805160a05160c05160e051610100516101205161014051612ec86102095f395f611aa501525f611a7501525f61201d01525f611ff501525f611f5001525f611f7a01525f611fa40152612ec85ff3fe608060405234801561000f575f5ffd5b5060043610610187575f3560e01c80639db32a8f116100d9578063cf5cf3dc11610093578063e43ce1f21161006e578063e43ce1f214610473578063e88377b114610486578063f0dc792e14610499578063f4b696ba146104b8575f5ffd5b8063cf5cf3dc1461043a578063dce4bfae1461044d578063e25cf18914610460575f5ffd5b80639db32a8f14610367578063ac9650d81461037a578063ae1594391461039a578063b77433e9146103a3578063b7f06ebe146103b6578063ba94ec0d14610413575f5ffd5b806353ab0fae1161014457806384b0196e1161011f57806384b0196e146102eb578063862bb199146103065780638e4a68ac1461031957806394739e8714610340575f5ffd5b806353ab0fae1461027e5780635e5e0b87146102a55780637a7ebd7b146102b8575f5ffd5b8063140f1e751461018b5780631e69ef40146101a05780631fc3277d146101da57806321ff6389146101fa57806329237b0c14610258578063488ccc3b1461026b575b5f5ffd5b61019e61019936600461237c565b6104cd565b005b6101c77fbe23ad087435072cd69b49cc5b92de10ee610fce7ae0ab428307972d764bb21681565b6040519081526020015b60405180910390f35b6101e462278d0081565b60405164ffffffffff90911681526020016101d1565b6102386102083660046123f1565b600560209081525f92835260408084209091529082529020546001600160801b0380821691600160801b90041682565b604080516001600160801b039384168152929091166020830152016101d1565b61019e610266366004612463565b610921565b6101c7610279366004612463565b610a2e565b6101c77f42bd57c010b870c2e96203c66341f28a6a19b4d56a74533a8eb5f706b9fd6d5781565b6101c76102b33660046124a2565b610a85565b6102386102c63660046124bc565b60026020525f90815260409020546001600160801b0380821691600160801b90041682565b6102f3610b7c565b6040516101d19796959493929190612501565b6101c7610314366004612597565b610bbe565b6101c77f1c9a06ceab9b0ebbd3301dc56c9111bb6d9af421356dc9ccb3b7084c755db30881565b6101c77f1e1bd6ff84c3e0d9029a292b212e039c0ca97ec497c55191a4a5874294609a6981565b61019e6103753660046123f1565b610c0b565b61038d610388366004612463565b610d2a565b6040516101d191906125b8565b6101e461038481565b61019e6103b136600461261b565b610e10565b6103ee6103c43660046124bc565b60046020525f90815260409020546001600160801b03811690600160801b900464ffffffffff1682565b604080516001600160801b03909316835264ffffffffff9091166020830152016101d1565b6101c77f30b9a0367528fca13c3e8ec6134c3113f1887ebe7a1ad61de0955aac288b0cf581565b61019e61044836600461266c565b610edf565b61019e61045b36600461266c565b6110a7565b6101c761046e366004612696565b611109565b61019e6104813660046126c8565b611165565b61019e6104943660046124a2565b611355565b6101c76104a73660046124bc565b60036020525f908152604090205481565b6104c06115d4565b6040516101d19190612734565b60ff5f5c16156104f057604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d505f61050c6020870187612746565b6001600160a01b0316148061053857505f61052d6060870160408801612746565b6001600160a01b0316145b8061055a57505f61054f6080870160608801612746565b6001600160a01b0316145b8061057c57505f61057160a0870160808801612746565b6001600160a01b0316145b1561059a5760405163ea3a9a3960e01b815260040160405180910390fd5b6103846105ad60c0870160a08801612773565b64ffffffffff1610806105d8575062278d006105cf60c0870160a08801612773565b64ffffffffff16115b156105f6576040516322ba7d5b60e11b815260040160405180910390fd5b836001600160801b03165f0361061f576040516356316e8760e01b815260040160405180910390fd5b6001600160a01b0383166106465760405163062c6bf560e21b815260040160405180910390fd5b5f61065086610a85565b5f8181526002602052604090208054919250906001600160801b039081169061067a9082906127a0565b6001600160801b0316876001600160801b031611156106ac57604051631132981b60e01b815260040160405180910390fd5b6106b687826127bf565b82546fffffffffffffffffffffffffffffffff19166001600160801b03919091161782555f6106eb60a08a0160808b01612746565b6040516370a0823160e01b81523060048201529091505f906001600160a01b038316906370a0823190602401602060405180830381865afa158015610732573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061075691906127de565b90506001600160a01b03881663e416d8d361077460208d018d612746565b61078460a08e0160808f01612746565b8c898c8c6040518763ffffffff1660e01b81526004016107a9969594939291906127f5565b5f604051808303815f87803b1580156107c0575f5ffd5b505af11580156107d2573d5f5f3e3d5ffd5b50505050886001600160801b0316816107eb9190612855565b6040516370a0823160e01b81523060048201526001600160a01b038416906370a0823190602401602060405180830381865afa15801561082d573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061085191906127de565b1461086f57604051633ad0d64b60e21b815260040160405180910390fd5b826001600160801b03165f036108b857847f69d8248d5566bdb2ebc4d218970710d8378a2ff9b709a999e052b71970f808fa8b6040516108af9190612868565b60405180910390a25b33857f6c2a09353b5e75e70d0b9778b80a413809bb235d46c211811c474b3346791d898b6108e681886127bf565b604080516001600160801b0393841681529290911660208301520160405180910390a3505f93505050815c60ff19169050815d505050505050565b60ff5f5c161561094457604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d505f8190036109735760405163c2e5347d60e01b815260040160405180910390fd5b5f5b81811015610a1f573683838381811061099057610990612910565b90506020028101906109a29190612924565b90506109ae33826115fe565b6109cb5760405163defb706960e01b815260040160405180910390fd5b5f6109d560405190565b9050610a0c8585858181106109ec576109ec612910565b90506020028101906109fe9190612924565b610a0784610a85565b611655565b610a1581604052565b5050600101610975565b505f60ff19815c16815d505050565b5f610a7c83838067ffffffffffffffff811115610a4d57610a4d612943565b604051908082528060200260200182016040528015610a76578160200160208202803683370190505b50611885565b90505b92915050565b5f610a7f7f1c9a06ceab9b0ebbd3301dc56c9111bb6d9af421356dc9ccb3b7084c755db308610ab76020850185612746565b610ac76040860160208701612746565b610ad76060870160408801612746565b610ae76080880160608901612746565b610af760a0890160808a01612746565b610b0760c08a0160a08b01612773565b6040805160208101989098526001600160a01b039687169088015293851660608701529184166080860152831660a085015290911660c08084019190915264ffffffffff90911660e0830152840135610100820152610120015b60405160208183030381529060405280519060200120611a42565b5f6060805f5f5f6060610b8d611a6e565b610b95611a9e565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b604080517f1e1bd6ff84c3e0d9029a292b212e039c0ca97ec497c55191a4a5874294609a6960208201529081018390526001600160801b03821660608201525f90610a7c90608001610b61565b60ff5f5c1615610c2e57604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d506001600160a01b038083165f90815260056020908152604080832093851683529290529081208054909190610c83906001600160801b03600160801b8204811691166127a0565b9050806001600160801b03165f03610c9c575050610d1c565b81546001600160801b03908116600160801b8102178355610ccb906001600160a01b0385169086908416611ac9565b6040516001600160801b038216815233906001600160a01b0385811691908716907f7337b4386b690fdb8ba66905b92b9d45d33bc6626ee2620c905fb150ec0cc47d9060200160405180910390a450505b5f60ff19815c16815d505050565b604080515f8152602081019091526060908267ffffffffffffffff811115610d5457610d54612943565b604051908082528060200260200182016040528015610d8757816020015b6060815260200190600190039081610d725790505b5091505f5b83811015610e0857610de330868684818110610daa57610daa612910565b9050602002810190610dbc9190612957565b85604051602001610dcf9392919061299a565b604051602081830303815290604052611b08565b838281518110610df557610df5612910565b6020908102919091010152600101610d8c565b505092915050565b60ff5f5c1615610e3357604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d505f610e4b86610a85565b5f818152600360205260409020549091508414610e7b57604051630b278d7f60e11b815260040160405180910390fd5b5f610e87828688611109565b9050610ea4610e9c6080890160608a01612746565b828686611ba8565b610ec157604051638baa579f60e01b815260040160405180910390fd5b610ecb8787611c1c565b505f905060ff19815c16815d505050505050565b60ff5f5c1615610f0257604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d50610f1a3383611e50565b610f375760405163ea3a9a3960e01b815260040160405180910390fd5b806001600160801b03165f03610f6057604051630686827b60e51b815260040160405180910390fd5b5f610f6a83610a85565b5f818152600460205260409020805491925090600160801b900464ffffffffff1615610fa957604051630a2aed0f60e41b815260040160405180910390fd5b5f8281526002602052604090208054610fd4906001600160801b03600160801b8204811691166127a0565b6001600160801b0316846001600160801b0316111561100657604051631b4f55d960e21b815260040160405180910390fd5b815464ffffffffff4216600160801b026001600160a81b03199091166001600160801b03861617178255827fe4280d0d903c7f258f62b07c62f262377cbaa23f7791d78126e6446e0f0e3c238561106360c0890160a08a01612773565b61106d90426129bd565b604080516001600160801b03909316835264ffffffffff90911660208301520160405180910390a2505f91505060ff19815c16815d505050565b60ff5f5c16156110ca57604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d506110e233836115fe565b6110ff57604051630f0c9e0160e31b815260040160405180910390fd5b610d1c8282611c1c565b604080517fbe23ad087435072cd69b49cc5b92de10ee610fce7ae0ab428307972d764bb2166020820152908101849052606081018390526001600160801b03821660808201525f9061115d9060a001610b61565b949350505050565b60ff5f5c161561118857604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d505f8390036111b75760405163c2e5347d60e01b815260040160405180910390fd5b5f84845f8181106111ca576111ca612910565b90506020028101906111dc9190612924565b6111ed906080810190606001612746565b90505f8467ffffffffffffffff81111561120957611209612943565b604051908082528060200260200182016040528015611232578160200160208202803683370190505b5090505f611241878784611885565b905061124f83828787611ba8565b61126c57604051638baa579f60e01b815260040160405180910390fd5b5f5b8681101561134057836001600160a01b031688888381811061129257611292612910565b90506020028101906112a49190612924565b6112b5906080810190606001612746565b6001600160a01b0316146112dc5760405163f5e2237d60e01b815260040160405180910390fd5b5f6112e660405190565b905061132e8989848181106112fd576112fd612910565b905060200281019061130f9190612924565b85848151811061132157611321612910565b6020026020010151611655565b61133781604052565b5060010161126e565b505f92505050805c60ff1916815d5050505050565b60ff5f5c161561137857604051633ee5aeb560e01b815260040160405180910390fd5b60015f805c60ff19168217905d506113903382611e50565b6113ad576040516315f969d560e01b815260040160405180910390fd5b5f6113b782610a85565b5f818152600460205260408120805492935091600160801b900464ffffffffff16908190036113f957604051631d050e5360e11b815260040160405180910390fd5b61140960c0850160a08601612773565b64ffffffffff168164ffffffffff166114229190612855565b4210156114425760405163f396582760e01b815260040160405180910390fd5b5f8381526002602052604081208354815491929161147f916001600160801b039081169161147a91600160801b8204811691166127a0565b611e88565b5f86815260046020526040812080546001600160a81b0319169055835491925082918491906114b89084906001600160801b03166127a0565b92506101000a8154816001600160801b0302191690836001600160801b03160217905550336001600160a01b0316857f546ce1e2242cd930c196bd08b894443562d709b4fffe4f028a75a6d233efc6e38360405161152591906001600160801b0391909116815260200190565b60405180910390a381546001600160801b03165f0361157757847f8d5942f197f362dfd44dfdc1b0b7a9721c9151b67f55817c83349271d3c08d378760405161156e9190612868565b60405180910390a25b6001600160801b038116156115c0576115c06115966020880188612746565b6001600160801b0383166115b060a08a0160808b01612746565b6001600160a01b03169190611ac9565b505f93505050815c60ff19169050815d5050565b6060604051806020016115e6906122e3565b601f1982820381018352601f90910116604052919050565b5f61160f6060830160408401612746565b6001600160a01b0316836001600160a01b03161480610a7c57506116396080830160608401612746565b6001600160a01b0316836001600160a01b031614905092915050565b5f81815260026020526040812080548492600160801b9091046001600160801b03169061168a610140850161012086016129da565b9050816001600160801b0316816001600160801b0316116116ad57505050505050565b6116be610100870160e088016129da565b6001600160801b0316816001600160801b031611156116f05760405163f178977560e01b815260040160405180910390fd5b82546001600160801b03908116908216111561171f57604051633ec1215b60e11b815260040160405180910390fd5b61174b84611738876103146101008b0160e08c016129da565b6117466101008a018a612957565b611eaf565b61176857604051638baa579f60e01b815260040160405180910390fd5b5f61177383836127a0565b84546001600160801b03808516600160801b02911617855590508060055f6117a16060890160408a01612746565b6001600160a01b0316815260208101919091526040015f908120906117cc60a0890160808a01612746565b6001600160a01b0316815260208101919091526040015f90812080549091906117ff9084906001600160801b03166127bf565b92506101000a8154816001600160801b0302191690836001600160801b03160217905550336001600160a01b0316867f36bd546bb573e8921fdbfd934bbed62d872796b01792cd240cce27f79dd3eddd83856040516118749291906001600160801b0392831681529116602082015260400190565b60405180910390a350505050505050565b5f82818167ffffffffffffffff8111156118a1576118a1612943565b6040519080825280602002602001820160405280156118ca578160200160208202803683370190505b5090505f5b828110156119ef575f6118e160405190565b9050368888848181106118f6576118f6612910565b90506020028101906119089190612924565b90505f61191482610a85565b90508088858151811061192957611929612910565b60209081029190910101527f30b9a0367528fca13c3e8ec6134c3113f1887ebe7a1ad61de0955aac288b0cf581611967610100850160e086016129da565b611979610140860161012087016129da565b6040805160208101959095528401929092526001600160801b03908116606084015216608082015260a001604051602081830303815290604052805190602001208585815181106119cc576119cc612910565b6020026020010181815250506119e183604052565b5050508060010190506118cf565b50602082810282820120604080517f42bd57c010b870c2e96203c66341f28a6a19b4d56a74533a8eb5f706b9fd6d5793810193909352820181905290611a3790606001610b61565b979650505050505050565b5f610a7f611a4e611f44565b8360405161190160f01b8152600281019290925260228201526042902090565b6060611a997f000000000000000000000000000000000000000000000000000000000000000061206d565b905090565b6060611a997f000000000000000000000000000000000000000000000000000000000000000061206d565b611ad683838360016120aa565b611b0357604051635274afe760e01b81526001600160a01b03841660048201526024015b60405180910390fd5b505050565b60605f611b15848461210c565b9050808015611b3657505f3d1180611b3657505f846001600160a01b03163b115b15611b4b57611b4361211f565b915050610a7f565b8015611b7557604051639996b31560e01b81526001600160a01b0385166004820152602401611afa565b3d15611b8857611b83612138565b611ba1565b60405163d6bda27560e01b815260040160405180910390fd5b5092915050565b5f846001600160a01b03163b5f03611c07575f5f611bc7868686612143565b5090925090505f816003811115611be057611be06129f3565b148015611bfe5750866001600160a01b0316826001600160a01b0316145b9250505061115d565b611c138585858561218a565b95945050505050565b806001600160801b03165f03611c45576040516335d6149760e21b815260040160405180910390fd5b5f611c4f83610a85565b5f818152600360205260408120805492935091611c6b90612a07565b909155505f8181526002602052604081208054909190611ca390859061147a906001600160801b03600160801b8204811691166127a0565b9050806001600160801b03165f03611cbc575050505050565b8154819083905f90611cd89084906001600160801b03166127a0565b82546001600160801b039182166101009390930a9283029190920219909116179055505f838152600460205260409020805464ffffffffff600160801b9091041615611d945780546001600160801b0390811690831610611d53575f84815260046020526040902080546001600160a81b0319169055611d94565b8054829082905f90611d6f9084906001600160801b03166127a0565b92506101000a8154816001600160801b0302191690836001600160801b031602179055505b6040516001600160801b0383168152339085907fa84286cf8ebc7903a663c77c8d99aa92b600d4c2fcca872a5d4a663db4eb394b9060200160405180910390a382546001600160801b03165f03611e1e57837f8d5942f197f362dfd44dfdc1b0b7a9721c9151b67f55817c83349271d3c08d3787604051611e159190612868565b60405180910390a25b611e48611e2e6020880188612746565b6001600160801b0384166115b060a08a0160808b01612746565b505050505050565b5f611e5e6020830183612746565b6001600160a01b0316836001600160a01b03161480610a7c57506116396040830160208401612746565b5f816001600160801b0316836001600160801b031610611ea85781610a7c565b5090919050565b5f80611ec16040870160208801612746565b6001600160a01b031603611ee757611c13611edf6020870187612746565b858585611ba8565b5f5f611ef4868686612143565b5090925090505f816003811115611f0d57611f0d6129f3565b148015611a375750611f256040880160208901612746565b6001600160a01b0316826001600160a01b031614979650505050505050565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015611f9c57507f000000000000000000000000000000000000000000000000000000000000000046145b15611fc657507f000000000000000000000000000000000000000000000000000000000000000090565b611a99604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60605f612079836121f4565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f511483166121005783831516156120f4573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f5f5f835160208501865af49392505050565b6040513d81523d5f602083013e3d602001810160405290565b6040513d5f823e3d81fd5b5f80806041849003612177578435602086013560408701355f1a6121698982858561221b565b955095509550505050612181565b505f915060029050825b93509350939050565b60408051630b135d3f60e11b808252600482018690526024820192909252604481018390525f91908390818660648301375f82606483010152601f820160051c60051b915060205f60648401838b5afa9050825f5114601f3d111681169350505050949350505050565b5f60ff8216601f811115610a7f57604051632cd44ac360e21b815260040160405180910390fd5b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561225457505f915060039050826122d9565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156122a5573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166122d057505f9250600191508290506122d9565b92505f91508190505b9450945094915050565b61047380612a2083390190565b5f60e08284031215612300575f5ffd5b50919050565b80356001600160801b038116811461231c575f5ffd5b919050565b80356001600160a01b038116811461231c575f5ffd5b5f5f83601f840112612347575f5ffd5b50813567ffffffffffffffff81111561235e575f5ffd5b602083019150836020828501011115612375575f5ffd5b9250929050565b5f5f5f5f5f6101408688031215612391575f5ffd5b61239b87876122f0565b94506123a960e08701612306565b93506123b86101008701612321565b925061012086013567ffffffffffffffff8111156123d4575f5ffd5b6123e088828901612337565b969995985093965092949392505050565b5f5f60408385031215612402575f5ffd5b61240b83612321565b915061241960208401612321565b90509250929050565b5f5f83601f840112612432575f5ffd5b50813567ffffffffffffffff811115612449575f5ffd5b6020830191508360208260051b8501011115612375575f5ffd5b5f5f60208385031215612474575f5ffd5b823567ffffffffffffffff81111561248a575f5ffd5b61249685828601612422565b90969095509350505050565b5f60e082840312156124b2575f5ffd5b610a7c83836122f0565b5f602082840312156124cc575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f61251f60e08301896124d3565b828103604084015261253181896124d3565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015612586578351835260209384019390920191600101612568565b50909b9a5050505050505050505050565b5f5f604083850312156125a8575f5ffd5b8235915061241960208401612306565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b8281101561260f57603f198786030184526125fa8583516124d3565b945060209384019391909101906001016125de565b50929695505050505050565b5f5f5f5f5f6101408688031215612630575f5ffd5b61263a87876122f0565b945061264860e08701612306565b9350610100860135925061012086013567ffffffffffffffff8111156123d4575f5ffd5b5f5f610100838503121561267e575f5ffd5b61268884846122f0565b915061241960e08401612306565b5f5f5f606084860312156126a8575f5ffd5b83359250602084013591506126bf60408501612306565b90509250925092565b5f5f5f5f604085870312156126db575f5ffd5b843567ffffffffffffffff8111156126f1575f5ffd5b6126fd87828801612422565b909550935050602085013567ffffffffffffffff81111561271c575f5ffd5b61272887828801612337565b95989497509550505050565b602081525f610a7c60208301846124d3565b5f60208284031215612756575f5ffd5b610a7c82612321565b803564ffffffffff8116811461231c575f5ffd5b5f60208284031215612783575f5ffd5b610a7c8261275f565b634e487b7160e01b5f52601160045260245ffd5b6001600160801b038281168282160390811115610a7f57610a7f61278c565b6001600160801b038181168382160190811115610a7f57610a7f61278c565b5f602082840312156127ee575f5ffd5b5051919050565b6001600160a01b038781168252861660208201526001600160801b03851660408201526060810184905260a0608082018190528101829052818360c08301375f81830160c090810191909152601f909201601f1916010195945050505050565b80820180821115610a7f57610a7f61278c565b60e081016001600160a01b0361287d84612321565b1682526001600160a01b0361289460208501612321565b1660208301526001600160a01b036128ae60408501612321565b1660408301526001600160a01b036128c860608501612321565b1660608301526001600160a01b036128e260808501612321565b1660808301526128f460a0840161275f565b64ffffffffff811660a08401525060c092830135919092015290565b634e487b7160e01b5f52603260045260245ffd5b5f823561013e19833603018112612939575f5ffd5b9190910192915050565b634e487b7160e01b5f52604160045260245ffd5b5f5f8335601e1984360301811261296c575f5ffd5b83018035915067ffffffffffffffff821115612986575f5ffd5b602001915036819003821315612375575f5ffd5b828482375f8382015f815283518060208601835e5f910190815295945050505050565b64ffffffffff8181168382160190811115610a7f57610a7f61278c565b5f602082840312156129ea575f5ffd5b610a7c82612306565b634e487b7160e01b5f52602160045260245ffd5b5f60018201612a1857612a1861278c565b506001019056fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c80634dec6d9514610038578063e416d8d31461006f575b5f5ffd5b610053734020074e9df2ce1dee5a9c1b5c3f541d02a1000381565b6040516001600160a01b03909116815260200160405180910390f35b61008261007d366004610247565b610084565b005b33734020074e9df2ce1dee5a9c1b5c3f541d02a10003146100b857604051639794beb960e01b815260040160405180910390fd5b5f8080806100c8858701876102fc565b93509350935093505f87836040516020016100ed929190918252602082015260400190565b60408051601f198184030181529082905280516020909101206388b7ab6360e01b825291506001600160a01b038b16906388b7ab639061013d908e9030908e908b908b9089908b906004016103cb565b5f604051808303815f87803b158015610154575f5ffd5b505af1158015610166573d5f5f3e3d5ffd5b5061017f925050506001600160a01b038b16338b61018c565b5050505050505050505050565b61019983838360016101ca565b6101c557604051635274afe760e01b81526001600160a01b038416600482015260240160405180910390fd5b505050565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316610220578383151615610214573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b80356001600160a01b0381168114610242575f5ffd5b919050565b5f5f5f5f5f5f60a0878903121561025c575f5ffd5b6102658761022c565b95506102736020880161022c565b94506040870135935060608701359250608087013567ffffffffffffffff81111561029c575f5ffd5b8701601f810189136102ac575f5ffd5b803567ffffffffffffffff8111156102c2575f5ffd5b8960208284010111156102d3575f5ffd5b60208201935080925050509295509295509295565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f6080858703121561030f575f5ffd5b843593506020850135925060408501359150606085013567ffffffffffffffff81111561033a575f5ffd5b8501601f8101871361034a575f5ffd5b803567ffffffffffffffff811115610364576103646102e8565b604051601f8201601f19908116603f0116810167ffffffffffffffff81118282101715610393576103936102e8565b6040528181528282016020018910156103aa575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b60018060a01b038816815260018060a01b03871660208201528560408201528460608201528360808201528260a082015260e060c08201525f82518060e0840152806020850161010085015e5f6101008285010152610100601f19601f8301168401019150509897505050505050505056fea26469706673582212206b1e73bcaa37d76443119a79779e7e102f734fcb40f736251d1246b971e9efbc64736f6c634300081e0033a26469706673582212205a787208a134b0eacb880c351f90afcb0784e244ea457e2fd0d93df051631dae64736f6c634300081e0033',
} as const;

export const Multicall3 = {
  contractName: 'Multicall3',
  abi: [
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "index",
          "type": "uint256"
        },
        {
          "internalType": "bytes",
          "name": "returnData",
          "type": "bytes"
        }
      ],
      "name": "CallFailed",
      "type": "error"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "target",
              "type": "address"
            },
            {
              "internalType": "bytes",
              "name": "callData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Call[]",
          "name": "calls",
          "type": "tuple[]"
        }
      ],
      "name": "aggregate",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "blockNumber",
          "type": "uint256"
        },
        {
          "internalType": "bytes[]",
          "name": "returnData",
          "type": "bytes[]"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "target",
              "type": "address"
            },
            {
              "internalType": "bool",
              "name": "allowFailure",
              "type": "bool"
            },
            {
              "internalType": "bytes",
              "name": "callData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Call3[]",
          "name": "calls",
          "type": "tuple[]"
        }
      ],
      "name": "aggregate3",
      "outputs": [
        {
          "components": [
            {
              "internalType": "bool",
              "name": "success",
              "type": "bool"
            },
            {
              "internalType": "bytes",
              "name": "returnData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Result[]",
          "name": "returnData",
          "type": "tuple[]"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "address",
              "name": "target",
              "type": "address"
            },
            {
              "internalType": "bytes",
              "name": "callData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Call[]",
          "name": "calls",
          "type": "tuple[]"
        }
      ],
      "name": "blockAndAggregate",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "blockNumber",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "blockHash",
          "type": "bytes32"
        },
        {
          "components": [
            {
              "internalType": "bool",
              "name": "success",
              "type": "bool"
            },
            {
              "internalType": "bytes",
              "name": "returnData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Result[]",
          "name": "returnData",
          "type": "tuple[]"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getBasefee",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "blockNumber",
          "type": "uint256"
        }
      ],
      "name": "getBlockHash",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getBlockNumber",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getChainId",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getCurrentBlockCoinbase",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getCurrentBlockGasLimit",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getCurrentBlockPrevrandao",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getCurrentBlockTimestamp",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "account",
          "type": "address"
        }
      ],
      "name": "getEthBalance",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "getLastBlockHash",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bool",
          "name": "requireSuccess",
          "type": "bool"
        },
        {
          "components": [
            {
              "internalType": "address",
              "name": "target",
              "type": "address"
            },
            {
              "internalType": "bytes",
              "name": "callData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Call[]",
          "name": "calls",
          "type": "tuple[]"
        }
      ],
      "name": "tryAggregate",
      "outputs": [
        {
          "components": [
            {
              "internalType": "bool",
              "name": "success",
              "type": "bool"
            },
            {
              "internalType": "bytes",
              "name": "returnData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Result[]",
          "name": "returnData",
          "type": "tuple[]"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bool",
          "name": "requireSuccess",
          "type": "bool"
        },
        {
          "components": [
            {
              "internalType": "address",
              "name": "target",
              "type": "address"
            },
            {
              "internalType": "bytes",
              "name": "callData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Call[]",
          "name": "calls",
          "type": "tuple[]"
        }
      ],
      "name": "tryBlockAndAggregate",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "blockNumber",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "blockHash",
          "type": "bytes32"
        },
        {
          "components": [
            {
              "internalType": "bool",
              "name": "success",
              "type": "bool"
            },
            {
              "internalType": "bytes",
              "name": "returnData",
              "type": "bytes"
            }
          ],
          "internalType": "struct Multicall3.Result[]",
          "name": "returnData",
          "type": "tuple[]"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    }
  ],
  bytecode: '0x6080604052348015600e575f5ffd5b50610a968061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c806342cbb15c11610093578063a8b0574e11610063578063a8b0574e146101ad578063bce38bd7146101bb578063c3077fa9146101ce578063ee82ac5e146101e1575f5ffd5b806342cbb15c146101665780634d2301cc1461016c57806382ad56cb1461018757806386d516e8146101a7575f5ffd5b806327e86d6e116100ce57806327e86d6e146101305780633408e47014610138578063399542e91461013e5780633e64a69614610160575f5ffd5b80630ec6ce34146100f45780630f28c97d14610109578063252dba421461010f575b5f5ffd5b445b6040519081526020015b60405180910390f35b426100f6565b61012261011d36600461072c565b6101f3565b604051610100929190610799565b6100f661036a565b466100f6565b61015161014c366004610817565b61037c565b604051610100939291906108d9565b486100f6565b436100f6565b6100f661017a366004610900565b6001600160a01b03163190565b61019a61019536600461072c565b610397565b604051610100919061092d565b456100f6565b604051418152602001610100565b61019a6101c9366004610817565b610527565b6101516101dc36600461072c565b6106c7565b6100f66101ef36600461093f565b4090565b4360608267ffffffffffffffff81111561020f5761020f610956565b60405190808252806020026020018201604052801561024257816020015b606081526020019060019003908161022d5790505b5090505f5b83811015610362575f5f8686848181106102635761026361096a565b9050602002810190610275919061097e565b610283906020810190610900565b6001600160a01b031687878581811061029e5761029e61096a565b90506020028101906102b0919061097e565b6102be90602081019061099c565b6040516102cc9291906109df565b5f604051808303815f865af19150503d805f8114610305576040519150601f19603f3d011682016040523d82523d5f602084013e61030a565b606091505b50915091508161033a578281604051635c0dee5d60e01b81526004016103319291906109ee565b60405180910390fd5b8084848151811061034d5761034d61096a565b60209081029190910101525050600101610247565b509250929050565b5f610376600143610a0e565b40905090565b438040606061038c868686610527565b905093509350939050565b60608167ffffffffffffffff8111156103b2576103b2610956565b6040519080825280602002602001820160405280156103f757816020015b604080518082019091525f8152606060208201528152602001906001900390816103d05790505b5090505f5b8281101561052057368484838181106104175761041761096a565b90506020028101906104299190610a33565b90505f8061043a6020840184610900565b6001600160a01b0316610450604085018561099c565b60405161045e9291906109df565b5f604051808303815f865af19150503d805f8114610497576040519150601f19603f3d011682016040523d82523d5f602084013e61049c565b606091505b5091509150811580156104bc57506104ba6040840160208501610a47565b155b156104de578381604051635c0dee5d60e01b81526004016103319291906109ee565b60405180604001604052808315158152602001828152508585815181106105075761050761096a565b60200260200101819052505050508060010190506103fc565b5092915050565b60608167ffffffffffffffff81111561054257610542610956565b60405190808252806020026020018201604052801561058757816020015b604080518082019091525f8152606060208201528152602001906001900390816105605790505b5090505f5b828110156106bf575f5f8585848181106105a8576105a861096a565b90506020028101906105ba919061097e565b6105c8906020810190610900565b6001600160a01b03168686858181106105e3576105e361096a565b90506020028101906105f5919061097e565b61060390602081019061099c565b6040516106119291906109df565b5f604051808303815f865af19150503d805f811461064a576040519150601f19603f3d011682016040523d82523d5f602084013e61064f565b606091505b509150915086801561065f575081155b15610681578281604051635c0dee5d60e01b81526004016103319291906109ee565b60405180604001604052808315158152602001828152508484815181106106aa576106aa61096a565b6020908102919091010152505060010161058c565b509392505050565b5f5f60606106d76001868661037c565b9250925092509250925092565b5f5f83601f8401126106f4575f5ffd5b50813567ffffffffffffffff81111561070b575f5ffd5b6020830191508360208260051b8501011115610725575f5ffd5b9250929050565b5f5f6020838503121561073d575f5ffd5b823567ffffffffffffffff811115610753575f5ffd5b61075f858286016106e4565b90969095509350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f604082018483526040602084015280845180835260608501915060608160051b8601019250602086015f5b828110156107f657605f198786030184526107e185835161076b565b945060209384019391909101906001016107c5565b5092979650505050505050565b80358015158114610812575f5ffd5b919050565b5f5f5f60408486031215610829575f5ffd5b61083284610803565b9250602084013567ffffffffffffffff81111561084d575f5ffd5b610859868287016106e4565b9497909650939450505050565b5f82825180855260208501945060208160051b830101602085015f5b838110156108cd57601f19858403018852815180511515845260208101519050604060208501526108b6604085018261076b565b6020998a0199909450929092019150600101610882565b50909695505050505050565b838152826020820152606060408201525f6108f76060830184610866565b95945050505050565b5f60208284031215610910575f5ffd5b81356001600160a01b0381168114610926575f5ffd5b9392505050565b602081525f6109266020830184610866565b5f6020828403121561094f575f5ffd5b5035919050565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b5f8235603e19833603018112610992575f5ffd5b9190910192915050565b5f5f8335601e198436030181126109b1575f5ffd5b83018035915067ffffffffffffffff8211156109cb575f5ffd5b602001915036819003821315610725575f5ffd5b818382375f9101908152919050565b828152604060208201525f610a06604083018461076b565b949350505050565b81810381811115610a2d57634e487b7160e01b5f52601160045260245ffd5b92915050565b5f8235605e19833603018112610992575f5ffd5b5f60208284031215610a57575f5ffd5b6109268261080356fea26469706673582212205254db8ce4c09ef7cd392277532f4b7535ca15fe652cd15af0160cf3fad3b46364736f6c634300081e0033',
} as const;

export const FeeSplitter = {
  contractName: 'FeeSplitter',
  abi: [
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "token_",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "modelRegistry_",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "nodeRegistry_",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "receiptRegistry_",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "distributor_",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "treasury_",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "verifierPool_",
          "type": "address"
        },
        {
          "internalType": "uint16",
          "name": "verifierBps_",
          "type": "uint16"
        },
        {
          "internalType": "uint16",
          "name": "treasuryBps_",
          "type": "uint16"
        },
        {
          "internalType": "address",
          "name": "owner_",
          "type": "address"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "fee",
          "type": "uint256"
        }
      ],
      "name": "AmountAboveFee",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        }
      ],
      "name": "ChargeAlreadyPaid",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "remaining",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        }
      ],
      "name": "ChargeRootExhausted",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        }
      ],
      "name": "ChargeRootReleased",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "releasableAt",
          "type": "uint256"
        }
      ],
      "name": "ClaimWindowOpen",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "EmptyCharges",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "available",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "requested",
          "type": "uint256"
        }
      ],
      "name": "InsufficientUndistributed",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        },
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        }
      ],
      "name": "InvalidChargeProof",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "caller",
          "type": "address"
        }
      ],
      "name": "NotDistributor",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "payee",
          "type": "address"
        }
      ],
      "name": "NothingOwed",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "owner",
          "type": "address"
        }
      ],
      "name": "OwnableInvalidOwner",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "account",
          "type": "address"
        }
      ],
      "name": "OwnableUnauthorizedAccount",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        }
      ],
      "name": "ReceiptMismatch",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint8",
          "name": "status",
          "type": "uint8"
        }
      ],
      "name": "ReceiptNotSettled",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ReentrancyGuardReentrantCall",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint8",
          "name": "bits",
          "type": "uint8"
        },
        {
          "internalType": "uint256",
          "name": "value",
          "type": "uint256"
        }
      ],
      "name": "SafeCastOverflowedUintDowncast",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "token",
          "type": "address"
        }
      ],
      "name": "SafeERC20FailedOperation",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint16",
          "name": "verifierBps",
          "type": "uint16"
        },
        {
          "internalType": "uint16",
          "name": "treasuryBps",
          "type": "uint16"
        }
      ],
      "name": "SharesTooHigh",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        }
      ],
      "name": "UnknownChargeRoot",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "UnknownModel",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroAddress",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "ZeroChargeRoot",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": false,
          "internalType": "uint64",
          "name": "window",
          "type": "uint64"
        }
      ],
      "name": "ChargeClaimWindowChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        },
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "executor",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "executorShare",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "royalty",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "verifierShare",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "treasuryShare",
          "type": "uint256"
        }
      ],
      "name": "ChargePaid",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "root",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "total",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint32",
          "name": "count",
          "type": "uint32"
        }
      ],
      "name": "ChargesPosted",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        }
      ],
      "name": "ChargesReleased",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "previous",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "current",
          "type": "address"
        }
      ],
      "name": "DistributorChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "previousOwner",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "newOwner",
          "type": "address"
        }
      ],
      "name": "OwnershipTransferred",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": false,
          "internalType": "uint16",
          "name": "verifierBps",
          "type": "uint16"
        },
        {
          "indexed": false,
          "internalType": "uint16",
          "name": "treasuryBps",
          "type": "uint16"
        }
      ],
      "name": "SharesChanged",
      "type": "event"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "payee",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "amount",
          "type": "uint256"
        }
      ],
      "name": "Withdrawn",
      "type": "event"
    },
    {
      "inputs": [],
      "name": "BPS",
      "outputs": [
        {
          "internalType": "uint16",
          "name": "",
          "type": "uint16"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "CHARGE_TYPEHASH",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "chargeClaimWindow",
      "outputs": [
        {
          "internalType": "uint64",
          "name": "",
          "type": "uint64"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint128",
              "name": "amount",
              "type": "uint128"
            }
          ],
          "internalType": "struct FeeSplitter.Charge",
          "name": "charge",
          "type": "tuple"
        }
      ],
      "name": "chargeDigest",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "pure",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "digest",
          "type": "bytes32"
        }
      ],
      "name": "chargeLeaf",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "",
          "type": "bytes32"
        }
      ],
      "stateMutability": "pure",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        }
      ],
      "name": "chargeRoot",
      "outputs": [
        {
          "internalType": "bytes32",
          "name": "root",
          "type": "bytes32"
        },
        {
          "internalType": "uint256",
          "name": "total",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "paid",
          "type": "uint256"
        },
        {
          "internalType": "uint64",
          "name": "postedAt",
          "type": "uint64"
        },
        {
          "internalType": "bool",
          "name": "released",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "chargeRootCount",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "uint256",
              "name": "rootId",
              "type": "uint256"
            },
            {
              "components": [
                {
                  "internalType": "bytes32",
                  "name": "requestId",
                  "type": "bytes32"
                },
                {
                  "internalType": "bytes32",
                  "name": "modelId",
                  "type": "bytes32"
                },
                {
                  "internalType": "address",
                  "name": "executor",
                  "type": "address"
                },
                {
                  "internalType": "uint128",
                  "name": "amount",
                  "type": "uint128"
                }
              ],
              "internalType": "struct FeeSplitter.Charge",
              "name": "charge",
              "type": "tuple"
            },
            {
              "internalType": "bytes32[]",
              "name": "chargeProof",
              "type": "bytes32[]"
            },
            {
              "components": [
                {
                  "internalType": "bytes32",
                  "name": "requestId",
                  "type": "bytes32"
                },
                {
                  "internalType": "bytes32",
                  "name": "modelId",
                  "type": "bytes32"
                },
                {
                  "internalType": "bytes32",
                  "name": "inputHash",
                  "type": "bytes32"
                },
                {
                  "internalType": "bytes32",
                  "name": "outputHash",
                  "type": "bytes32"
                },
                {
                  "internalType": "address",
                  "name": "executor",
                  "type": "address"
                },
                {
                  "internalType": "uint256",
                  "name": "fee",
                  "type": "uint256"
                },
                {
                  "internalType": "uint64",
                  "name": "timestamp",
                  "type": "uint64"
                },
                {
                  "internalType": "string",
                  "name": "policy",
                  "type": "string"
                },
                {
                  "internalType": "string",
                  "name": "engine",
                  "type": "string"
                }
              ],
              "internalType": "struct ReceiptRegistry.Receipt",
              "name": "receipt",
              "type": "tuple"
            },
            {
              "internalType": "bytes",
              "name": "signature",
              "type": "bytes"
            },
            {
              "internalType": "bytes32[]",
              "name": "receiptProof",
              "type": "bytes32[]"
            },
            {
              "internalType": "uint64",
              "name": "epoch",
              "type": "uint64"
            }
          ],
          "internalType": "struct FeeSplitter.ChargeClaim[]",
          "name": "claims",
          "type": "tuple[]"
        }
      ],
      "name": "claimCharges",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "distributor",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "payee",
          "type": "address"
        }
      ],
      "name": "earned",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        }
      ],
      "name": "isChargePaid",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "modelId",
          "type": "bytes32"
        }
      ],
      "name": "modelEarnings",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "gross",
          "type": "uint256"
        },
        {
          "internalType": "uint256",
          "name": "royalty",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "modelRegistry",
      "outputs": [
        {
          "internalType": "contract ModelRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "nodeRegistry",
      "outputs": [
        {
          "internalType": "contract NodeRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "payee",
          "type": "address"
        }
      ],
      "name": "owed",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "owner",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "root",
          "type": "bytes32"
        },
        {
          "internalType": "uint128",
          "name": "total",
          "type": "uint128"
        },
        {
          "internalType": "uint32",
          "name": "count",
          "type": "uint32"
        }
      ],
      "name": "postCharges",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "receiptRegistry",
      "outputs": [
        {
          "internalType": "contract ReceiptRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint256",
          "name": "rootId",
          "type": "uint256"
        }
      ],
      "name": "releaseCharges",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "renounceOwnership",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint64",
          "name": "window",
          "type": "uint64"
        }
      ],
      "name": "setChargeClaimWindow",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "distributor_",
          "type": "address"
        }
      ],
      "name": "setDistributor",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "uint16",
          "name": "verifierBps_",
          "type": "uint16"
        },
        {
          "internalType": "uint16",
          "name": "treasuryBps_",
          "type": "uint16"
        }
      ],
      "name": "setShares",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "token",
      "outputs": [
        {
          "internalType": "contract IERC20",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "totalOwed",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "totalReserved",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "newOwner",
          "type": "address"
        }
      ],
      "name": "transferOwnership",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "treasury",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "treasuryBps",
      "outputs": [
        {
          "internalType": "uint16",
          "name": "",
          "type": "uint16"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "undistributed",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "",
          "type": "uint256"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "verifierBps",
      "outputs": [
        {
          "internalType": "uint16",
          "name": "",
          "type": "uint16"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "verifierPool",
      "outputs": [
        {
          "internalType": "address",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "withdraw",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "payee",
          "type": "address"
        }
      ],
      "name": "withdrawFor",
      "outputs": [],
      "stateMutability": "nonpayable",
      "type": "function"
    }
  ],
  bytecode: '0x610140604052600180546001600160c01b031661278d60c81b179055348015610026575f5ffd5b506040516128c33803806128c3833981016040819052610045916102ef565b806001600160a01b03811661007457604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61007d816101be565b5060017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00556001600160a01b038a1615806100bf57506001600160a01b038916155b806100d157506001600160a01b038816155b806100e357506001600160a01b038716155b806100f557506001600160a01b038616155b8061010757506001600160a01b038516155b8061011957506001600160a01b038416155b156101375760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b038a811660805289811660a05288811660c05287811660e0528581166101005284811661012052600180546001600160a01b03191691881691821790556040515f907fa9f739537fc57540bed0a44e33e27baa63290d865cc15f0f16cf17d38c998a4d908290a36101af838361020d565b505050505050505050506103c8565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b61271061022161ffff8381169085166103a3565b111561024e5760405163cc235d8f60e01b815261ffff80841660048301528216602482015260440161006b565b6001805463ffffffff60a01b1916600160a01b61ffff85811691820261ffff60b01b191692909217600160b01b928516928302179092556040805192835260208301919091527f64592b473e0aa67dae1579d910f914b8cbce1b8f0698a8e9ef3c3b119e460efe910160405180910390a15050565b80516001600160a01b03811681146102d9575f5ffd5b919050565b805161ffff811681146102d9575f5ffd5b5f5f5f5f5f5f5f5f5f5f6101408b8d031215610309575f5ffd5b6103128b6102c3565b995061032060208c016102c3565b985061032e60408c016102c3565b975061033c60608c016102c3565b965061034a60808c016102c3565b955061035860a08c016102c3565b945061036660c08c016102c3565b935061037460e08c016102de565b92506103836101008c016102de565b91506103926101208c016102c3565b90509295989b9194979a5092959850565b808201808211156103c257634e487b7160e01b5f52601160045260245ffd5b92915050565b60805160a05160c05160e051610100516101205161248a6104395f395f8181610278015261084401525f8181610365015261087301525f818161059b01526111e901525f61049001525f81816102fb0152611a9a01525f81816105c201528181610e4301526117fd015261248a5ff3fe608060405234801561000f575f5ffd5b50600436106101fc575f3560e01c80639eca672c11610114578063d9b5c4a5116100a9578063eb72c8d811610079578063eb72c8d814610535578063f2fde38b1461053d578063f4dd2bd014610550578063f99996b214610596578063fc0c546a146105bd575f5ffd5b8063d9b5c4a51461048b578063dbd1971a146104b2578063df18e047146104fb578063e7fa9f7d1461052c575f5ffd5b8063c52f9f2d116100e4578063c52f9f2d14610444578063c71b0e1c1461044c578063c8a20fe614610455578063cb745e0314610468575f5ffd5b80639eca672c146103d9578063a8fd58eb146103ec578063bfe10928146103ff578063c202d45414610412575f5ffd5b8063335b37c71161019557806361d027b31161016557806361d027b314610360578063662dd8f714610387578063715018a6146103ae57806375619ab5146103b65780638da5cb5b146103c9575f5ffd5b8063335b37c71461031d5780633ccfd60b146103305780634dc10ea114610338578063508791a31461034d575f5ffd5b80632030e838116101d05780632030e838146102b2578063249d39e9146102da5780632832b14c146102e35780632ba36f78146102f6575f5ffd5b80628cc262146102005780630d303e331461024b57806313c67a11146102605780631cda78e314610273575b5f5ffd5b61023861020e366004611ce2565b6001600160a01b03165f90815260046020526040902054600160801b90046001600160801b031690565b6040519081526020015b60405180910390f35b61025e610259366004611d1c565b6105e4565b005b61023861026e366004611d37565b610648565b61029a7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610242565b6001546102c790600160a01b900461ffff1681565b60405161ffff9091168152602001610242565b6102c761271081565b61025e6102f1366004611d50565b6106e8565b61029a7f000000000000000000000000000000000000000000000000000000000000000081565b61025e61032b366004611dce565b6108ee565b61025e610900565b6001546102c790600160b01b900461ffff1681565b61023861035b366004611e05565b610929565b61029a7f000000000000000000000000000000000000000000000000000000000000000081565b6102387f2870f2f000a48def04cccdbcd343ad32f818e94695dca33f2049b3306e3d5c2681565b61025e61095f565b61025e6103c4366004611ce2565b610970565b5f546001600160a01b031661029a565b61025e6103e7366004611ce2565b6109fa565b6102386103fa366004611e32565b610a24565b60015461029a906001600160a01b031681565b60015461042c90600160c01b90046001600160401b031681565b6040516001600160401b039091168152602001610242565b600654610238565b61023860035481565b61025e610463366004611e05565b610c64565b61047b610476366004611e77565b610df2565b6040519015158152602001610242565b61029a7f000000000000000000000000000000000000000000000000000000000000000081565b6104e66104c0366004611e05565b5f908152600560205260409020546001600160801b0380821692600160801b9092041690565b60408051928352602083019190915201610242565b610238610509366004611ce2565b6001600160a01b03165f908152600460205260409020546001600160801b031690565b61023860025481565b610238610e1c565b61025e61054b366004611ce2565b610ec5565b61056361055e366004611e05565b610eff565b604080519586526020860194909452928401919091526001600160401b031660608301521515608082015260a001610242565b61029a7f000000000000000000000000000000000000000000000000000000000000000081565b61029a7f000000000000000000000000000000000000000000000000000000000000000081565b6105ec610f96565b600180546001600160c01b0316600160c01b6001600160401b038416908102919091179091556040519081527f513fad466b69e023578a3bad706763f7dd65f4f64e0a2900ffa7b6fa6ca6dfef9060200160405180910390a150565b5f7f2870f2f000a48def04cccdbcd343ad32f818e94695dca33f2049b3306e3d5c26823560208401356106816060860160408701611ce2565b6106916080870160608801611e9a565b60408051602081019690965285019390935260608401919091526001600160a01b031660808301526001600160801b031660a082015260c0015b604051602081830303815290604052805190602001209050919050565b6106f0610fc2565b610767604051806101e001604052805f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f151581526020015f81526020015f6001600160a01b031681526020015f81526020015f151581526020015f81526020015f81526020015f81525090565b60015461ffff600160a01b82048116808452600160b01b90920416602083018190529061079690612710611ec7565b6107a09190611ec7565b60408201525f5b828110156107e4576107dc828585848181106107c5576107c5611eda565b90506020028101906107d79190611eee565b610fdd565b6001016107a7565b508060e001511561083f578060c00151600682606001518154811061080b5761080b611eda565b905f5260205f20906003020160010160106101000a8154816001600160801b0302191690836001600160801b031602179055505b61086e7f0000000000000000000000000000000000000000000000000000000000000000826101a001516115bd565b61089d7f0000000000000000000000000000000000000000000000000000000000000000826101c001516115bd565b80610180015160035f8282546108b39190611ec7565b9091555050610180810151600280545f906108cf908490611f0d565b909155505060015f5160206124355f395f51905f5255505050565b5050565b6108f6610f96565b6108ea828261167a565b610908610fc2565b61091133611730565b61092760015f5160206124355f395f51905f5255565b565b5f8160405160200161093d91815260200190565b60408051601f19818403018152828252805160209182012090830152016106cb565b610967610f96565b6109275f611829565b610978610f96565b6001600160a01b03811661099f5760405163d92e233d60e01b815260040160405180910390fd5b6001546040516001600160a01b038084169216907fa9f739537fc57540bed0a44e33e27baa63290d865cc15f0f16cf17d38c998a4d905f90a3600180546001600160a01b0319166001600160a01b0392909216919091179055565b610a02610fc2565b610a0b81611730565b610a2160015f5160206124355f395f51905f5255565b50565b6001545f906001600160a01b03163314610a5857604051637838a78b60e01b81523360048201526024015b60405180910390fd5b83610a7657604051630659bd5d60e41b815260040160405180910390fd5b6001600160801b0383161580610a90575063ffffffff8216155b15610aae5760405163859c262760e01b815260040160405180910390fd5b5f610ab7610e1c565b905080846001600160801b03161115610af55760405163658cff3f60e11b8152600481018290526001600160801b0385166024820152604401610a4f565b600680546040805160a0810182528881526001600160801b03808916602083018181525f9484018581526001600160401b03428116606087019081526080870188815260018a018b5599885295516003808a027ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f810192909255935192518616600160801b0292909516919091177ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d4085015593517ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d41909301805497511515600160401b0268ffffffffffffffffff19909816939094169290921795909517909155805492955091610c07908490611f0d565b9091555050604080518681526001600160801b038616602082015263ffffffff851681830152905183917f73a6bded0097fa3319a625d20a9b1042c843b03526da8a711fc7f5867f7ce8bc919081900360600190a2509392505050565b6001546001600160a01b03163314610c9157604051637838a78b60e01b8152336004820152602401610a4f565b6006548110610cb6576040516343705e8b60e01b815260048101829052602401610a4f565b5f60068281548110610cca57610cca611eda565b905f5260205f20906003020190508060020160089054906101000a900460ff1615610d0b5760405163313e84a760e01b815260048101839052602401610a4f565b60015460028201545f91610d32916001600160401b03600160c01b90920482169116611f0d565b905080421015610d5f57604051631aa0a7a160e01b81526004810184905260248101829052604401610a4f565b60018201545f90610d82906001600160801b03600160801b820481169116611ec7565b60028401805468ff00000000000000001916600160401b1790556003805491925082915f90610db2908490611ec7565b909155505060405181815284907ff5aa68d01da308a4e3363fbe05fcddb65f2bf26483fdd79b449e966677c3eb7e9060200160405180910390a250505050565b5f60075f610e008585611878565b815260208101919091526040015f205460ff1690505b92915050565b6003546002546040516370a0823160e01b81523060048201525f9291906001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016906370a0823190602401602060405180830381865afa158015610e88573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610eac9190611f20565b610eb69190611ec7565b610ec09190611ec7565b905090565b610ecd610f96565b6001600160a01b038116610ef657604051631e4fbdf760e01b81525f6004820152602401610a4f565b610a2181611829565b5f5f5f5f5f6006805490508610610f2c576040516343705e8b60e01b815260048101879052602401610a4f565b5f60068781548110610f4057610f40611eda565b5f91825260209091206003909102018054600182015460029092015490996001600160801b038084169a50600160801b90930490921697506001600160401b0381169650600160401b900460ff16945092505050565b5f546001600160a01b031633146109275760405163118cdaa760e01b8152336004820152602401610a4f565b610fca6118bc565b60025f5160206124355f395f51905f5255565b60e082015160208201908235901580610ffa575083606001518114155b156110095761100984826118eb565b61102f61101960a0850185611f37565b866080015161102a61035b87610648565b6119fa565b611079578082356110466060850160408601611ce2565b6040516332524a2360e01b8152600481019390935260248301919091526001600160a01b03166044820152606401610a4f565b5f611094833561108f6060860160408701611ce2565b611878565b5f8181526007602052604090205490915060ff16156110ea5782356110bf6060850160408601611ce2565b604051636bf5f8a760e01b815260048101929092526001600160a01b03166024820152604401610a4f565b366110f860c0860186611f83565b90508035843514158061111357508360200135816020013514155b8061114e57506111296060850160408601611ce2565b6001600160a01b031661114260a0830160808401611ce2565b6001600160a01b031614155b156111905783356111656060860160408701611ce2565b60405163502bb70560e11b815260048101929092526001600160a01b03166024820152604401610a4f565b5f6111a16080860160608701611e9a565b6001600160801b031690508160a001358111156111de57604051632fd816b560e21b81526004810182905260a08301356024820152604401610a4f565b5f6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000166367fae57a8461121c60e08b018b611f98565b61122a6101008d018d611f37565b8d61012001602081019061123e9190611d1c565b6040518763ffffffff1660e01b815260040161125f96959493929190612073565b602060405180830381865afa15801561127a573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061129e919061217b565b90505f8160058111156112b3576112b3612199565b146112e9578060058111156112ca576112ca612199565b6040516331b471bb60e01b815260ff9091166004820152602401610a4f565b8760a00151828960c001516112fe9190611f0d565b111561134257848860c001518960a001516113199190611ec7565b604051633361319360e21b81526004810192909252602482015260448101839052606401610a4f565b818860c0018181516113549190611f0d565b9052505f848152600760205260409020805460ff19166001179055610160880151158061138a5750876101000151866020013514155b1561139d5761139d888760200135611a11565b6101408801515f90612710906113b390856121ad565b6113bd91906121c4565b89519091505f90612710906113d290866121ad565b6113dc91906121c4565b90505f61271061ffff168b60200151866113f691906121ad565b61140091906121c4565b90505f818361140f8689611ec7565b6114199190611ec7565b6114239190611ec7565b9050858c610180018181516114389190611f0d565b9052506101a08c018051849190611450908390611f0d565b9052506101c08c018051839190611468908390611f0d565b90525061148461147e60608c0160408d01611ce2565b826115bd565b6114938c6101200151856115bd565b6020808b01355f9081526005909152604081208054909188918391906114c39084906001600160801b03166121e3565b92506101000a8154816001600160801b0302191690836001600160801b0316021790555084815f0160108282829054906101000a90046001600160801b031661150c91906121e3565b92506101000a8154816001600160801b0302191690836001600160801b031602179055508a60400160208101906115439190611ce2565b604080516020808f0135825281018a9052908101849052606081018790526080810186905260a081018590526001600160a01b0391909116908c35908c907ffd998a4825f168534b0828d8f89f41293c0462598a4f8ac455577d53482c6c339060c00160405180910390a450505050505050505050505050565b805f036115c8575050565b5f6115d282611b80565b6001600160a01b0384165f908152600460205260408120805492935091839183916116079084906001600160801b03166121e3565b92506101000a8154816001600160801b0302191690836001600160801b0316021790555081815f0160108282829054906101000a90046001600160801b031661165091906121e3565b92506101000a8154816001600160801b0302191690836001600160801b0316021790555050505050565b61271061168e61ffff838116908516611f0d565b11156116bb5760405163cc235d8f60e01b815261ffff808416600483015282166024820152604401610a4f565b6001805463ffffffff60a01b1916600160a01b61ffff85811691820261ffff60b01b191692909217600160b01b928516928302179092556040805192835260208301919091527f64592b473e0aa67dae1579d910f914b8cbce1b8f0698a8e9ef3c3b119e460efe910160405180910390a15050565b6001600160a01b0381165f908152600460205260408120805490916001600160801b039091169081900361178257604051633a8d87ed60e11b81526001600160a01b0384166004820152602401610a4f565b81546fffffffffffffffffffffffffffffffff19168255600280548291905f906117ad908490611ec7565b90915550506040518181526001600160a01b038416907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a26118246001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168483611bb7565b505050565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f828260405160200161189e9291909182526001600160a01b0316602082015260400190565b60405160208183030381529060405280519060200120905092915050565b5f5160206124355f395f51905f525460020361092757604051633ee5aeb560e01b815260040160405180910390fd5b8160e0015115611945578160c00151600683606001518154811061191157611911611eda565b905f5260205f20906003020160010160106101000a8154816001600160801b0302191690836001600160801b031602179055505b600654811061196a576040516343705e8b60e01b815260048101829052602401610a4f565b5f6006828154811061197e5761197e611eda565b905f5260205f20906003020190508060020160089054906101000a900460ff16156119bf5760405163313e84a760e01b815260048101839052602401610a4f565b6060830191909152805460808301526001908101546001600160801b0380821660a0850152600160801b9091041660c083015260e090910152565b5f82611a07868685611bec565b1495945050505050565b611a846040518061018001604052805f81526020015f6001600160a01b031681526020015f61ffff1681526020015f6001600160401b031681526020015f151581526020015f81526020015f81526020015f81526020015f81526020016060815260200160608152602001606081525090565b60405163043cf89360e31b8152600481018390527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906321e7c498906024015f60405180830381865afa925050508015611b0857506040513d5f823e601f3d908101601f19168201604052611b0591908101906122f8565b60015b611b285760405163a2dc062560e01b815260048101839052602401610a4f565b9050610100830182905260208101516001600160a01b03166101208401526040808401519082015161ffff1610611b63578260400151611b6d565b806040015161ffff165b6101408401525050600161016090910152565b5f6001600160801b03821115611bb3576040516306dfcc6560e41b81526080600482015260248101839052604401610a4f565b5090565b611bc48383836001611c2d565b61182457604051635274afe760e01b81526001600160a01b0384166004820152602401610a4f565b5f81815b84811015611c2457611c1a82878784818110611c0e57611c0e611eda565b90506020020135611c8f565b9150600101611bf0565b50949350505050565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316611c83578383151615611c77573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f818310611ca9575f828152602084905260409020611cb7565b5f8381526020839052604090205b9392505050565b6001600160a01b0381168114610a21575f5ffd5b8035611cdd81611cbe565b919050565b5f60208284031215611cf2575f5ffd5b8135611cb781611cbe565b6001600160401b0381168114610a21575f5ffd5b8035611cdd81611cfd565b5f60208284031215611d2c575f5ffd5b8135611cb781611cfd565b5f6080828403128015611d48575f5ffd5b509092915050565b5f5f60208385031215611d61575f5ffd5b82356001600160401b03811115611d76575f5ffd5b8301601f81018513611d86575f5ffd5b80356001600160401b03811115611d9b575f5ffd5b8560208260051b8401011115611daf575f5ffd5b6020919091019590945092505050565b61ffff81168114610a21575f5ffd5b5f5f60408385031215611ddf575f5ffd5b8235611dea81611dbf565b91506020830135611dfa81611dbf565b809150509250929050565b5f60208284031215611e15575f5ffd5b5035919050565b80356001600160801b0381168114611cdd575f5ffd5b5f5f5f60608486031215611e44575f5ffd5b83359250611e5460208501611e1c565b9150604084013563ffffffff81168114611e6c575f5ffd5b809150509250925092565b5f5f60408385031215611e88575f5ffd5b823591506020830135611dfa81611cbe565b5f60208284031215611eaa575f5ffd5b611cb782611e1c565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610e1657610e16611eb3565b634e487b7160e01b5f52603260045260245ffd5b5f823561013e19833603018112611f03575f5ffd5b9190910192915050565b80820180821115610e1657610e16611eb3565b5f60208284031215611f30575f5ffd5b5051919050565b5f5f8335601e19843603018112611f4c575f5ffd5b8301803591506001600160401b03821115611f65575f5ffd5b6020019150600581901b3603821315611f7c575f5ffd5b9250929050565b5f823561011e19833603018112611f03575f5ffd5b5f5f8335601e19843603018112611fad575f5ffd5b8301803591506001600160401b03821115611fc6575f5ffd5b602001915036819003821315611f7c575f5ffd5b5f5f8335601e19843603018112611fef575f5ffd5b83016020810192503590506001600160401b0381111561200d575f5ffd5b803603821315611f7c575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b8183525f6001600160fb1b0383111561205a575f5ffd5b8260051b80836020870137939093016020019392505050565b6080808252873582820152602088013560a0830152604088013560c0830152606088013560e08301525f906120a9908901611cd2565b6001600160a01b031661010083015260a08801356101208301526120cf60c08901611d11565b6001600160401b03166101408301526120eb60e0890189611fda565b6101206101608501526121036101a08501828461201b565b9150506121146101008a018a611fda565b848303607f190161018086015261212c83828461201b565b92505050828103602084015261214381888a61201b565b90508281036040840152612158818688612043565b91505061217060608301846001600160401b03169052565b979650505050505050565b5f6020828403121561218b575f5ffd5b815160068110611cb7575f5ffd5b634e487b7160e01b5f52602160045260245ffd5b8082028115828204841417610e1657610e16611eb3565b5f826121de57634e487b7160e01b5f52601260045260245ffd5b500490565b6001600160801b038181168382160190811115610e1657610e16611eb3565b634e487b7160e01b5f52604160045260245ffd5b60405161018081016001600160401b038111828210171561223957612239612202565b60405290565b8051611cdd81611cbe565b8051611cdd81611dbf565b8051611cdd81611cfd565b80518015158114611cdd575f5ffd5b5f82601f83011261227e575f5ffd5b81516001600160401b0381111561229757612297612202565b604051601f8201601f19908116603f011681016001600160401b03811182821017156122c5576122c5612202565b6040528181528382016020018510156122dc575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f60208284031215612308575f5ffd5b81516001600160401b0381111561231d575f5ffd5b8201610180818503121561232f575f5ffd5b612337612216565b815181526123476020830161223f565b60208201526123586040830161224a565b604082015261236960608301612255565b606082015261237a60808301612260565b608082015260a0828101519082015260c0808301519082015260e0808301519082015261010080830151908201526101208201516001600160401b038111156123c1575f5ffd5b6123cd8682850161226f565b610120830152506101408201516001600160401b038111156123ed575f5ffd5b6123f98682850161226f565b610140830152506101608201516001600160401b03811115612419575f5ffd5b6124258682850161226f565b6101608301525094935050505056fe9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a264697066735822122085ad12e4c885f61f0bbf49c7b3884102b71a44861bc0695e7362a23169f6379a64736f6c634300081e0033',
} as const;

export const Disputes = {
  contractName: 'Disputes',
  abi: [
    {
      "inputs": [
        {
          "internalType": "contract NodeRegistry",
          "name": "nodes_",
          "type": "address"
        },
        {
          "internalType": "contract ReceiptRegistry",
          "name": "receipts_",
          "type": "address"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "constructor"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "AlreadySlashed",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "uint8",
          "name": "which",
          "type": "uint8"
        }
      ],
      "name": "BadSignature",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "a",
          "type": "address"
        },
        {
          "internalType": "address",
          "name": "b",
          "type": "address"
        }
      ],
      "name": "DifferentExecutors",
      "type": "error"
    },
    {
      "inputs": [],
      "name": "DifferentRequests",
      "type": "error"
    },
    {
      "inputs": [
        {
          "internalType": "bytes32",
          "name": "outputHash",
          "type": "bytes32"
        }
      ],
      "name": "SameOutput",
      "type": "error"
    },
    {
      "anonymous": false,
      "inputs": [
        {
          "indexed": true,
          "internalType": "address",
          "name": "executor",
          "type": "address"
        },
        {
          "indexed": true,
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        },
        {
          "indexed": true,
          "internalType": "address",
          "name": "reporter",
          "type": "address"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "digestA",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "bytes32",
          "name": "digestB",
          "type": "bytes32"
        },
        {
          "indexed": false,
          "internalType": "uint256",
          "name": "slashed",
          "type": "uint256"
        }
      ],
      "name": "EquivocationSlashed",
      "type": "event"
    },
    {
      "inputs": [
        {
          "internalType": "address",
          "name": "executor",
          "type": "address"
        },
        {
          "internalType": "bytes32",
          "name": "requestId",
          "type": "bytes32"
        }
      ],
      "name": "equivocationSlashed",
      "outputs": [
        {
          "internalType": "bool",
          "name": "",
          "type": "bool"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "nodes",
      "outputs": [
        {
          "internalType": "contract NodeRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [],
      "name": "receipts",
      "outputs": [
        {
          "internalType": "contract ReceiptRegistry",
          "name": "",
          "type": "address"
        }
      ],
      "stateMutability": "view",
      "type": "function"
    },
    {
      "inputs": [
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "a",
          "type": "tuple"
        },
        {
          "internalType": "bytes",
          "name": "signatureA",
          "type": "bytes"
        },
        {
          "components": [
            {
              "internalType": "bytes32",
              "name": "requestId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "modelId",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "inputHash",
              "type": "bytes32"
            },
            {
              "internalType": "bytes32",
              "name": "outputHash",
              "type": "bytes32"
            },
            {
              "internalType": "address",
              "name": "executor",
              "type": "address"
            },
            {
              "internalType": "uint256",
              "name": "fee",
              "type": "uint256"
            },
            {
              "internalType": "uint64",
              "name": "timestamp",
              "type": "uint64"
            },
            {
              "internalType": "string",
              "name": "policy",
              "type": "string"
            },
            {
              "internalType": "string",
              "name": "engine",
              "type": "string"
            }
          ],
          "internalType": "struct ReceiptRegistry.Receipt",
          "name": "b",
          "type": "tuple"
        },
        {
          "internalType": "bytes",
          "name": "signatureB",
          "type": "bytes"
        }
      ],
      "name": "reportEquivocation",
      "outputs": [
        {
          "internalType": "uint256",
          "name": "slashed",
          "type": "uint256"
        }
      ],
      "stateMutability": "nonpayable",
      "type": "function"
    }
  ],
  bytecode: '0x60c060405234801561000f575f5ffd5b50604051610a48380380610a4883398101604081905261002e9161005c565b6001600160a01b039182166080521660a052610094565b6001600160a01b0381168114610059575f5ffd5b50565b5f5f6040838503121561006d575f5ffd5b825161007881610045565b602084015190925061008981610045565b809150509250929050565b60805160a0516109866100c25f395f818161011f015261044d01525f81816053015261031b01526109865ff3fe608060405234801561000f575f5ffd5b506004361061004a575f3560e01c80635db82fa01461004e578063c7097b3714610092578063ed2fbdab146100b3578063f400b10e1461011a575b5f5ffd5b6100757f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b6100a56100a03660046106af565b610141565b604051908152602001610089565b61010a6100c136600461078e565b604080516001600160a01b039390931660208085019190915283820192909252805180840382018152606090930181528251928201929092205f90815290819052205460ff1690565b6040519015158152602001610089565b6100757f000000000000000000000000000000000000000000000000000000000000000081565b5f61015260a08501608086016107b6565b6001600160a01b031661016b60a0890160808a016107b6565b6001600160a01b0316146101ca5761018960a08801608089016107b6565b61019960a08601608087016107b6565b604051634e8793a760e11b81526001600160a01b039283166004820152911660248201526044015b60405180910390fd5b863584351415806101e357508360200135876020013514155b806101f657508360400135876040013514155b15610214576040516324150a8760e01b815260040160405180910390fd5b8360600135876060013503610242576040516376227d2960e11b8152606088013560048201526024016101c1565b5f61024f8888885f610434565b90505f61025f8686866001610434565b90505f61027260a08b0160808c016107b6565b604080516001600160a01b0390921660208301528b359082015260600160408051601f1981840301815291815281516020928301205f8181529283905291205490915060ff16156102f9576102cd60a08b0160808c016107b6565b604051637679c92160e01b81526001600160a01b0390911660048201528a3560248201526044016101c1565b5f818152602081905260409020805460ff191660011790556001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001663bfac599061035060a08d0160808e016107b6565b6040516001600160e01b031960e084901b1681526001600160a01b0390911660048201525f1960248201523360448201526064016020604051808303815f875af11580156103a0573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103c491906107d6565b9350338a356103d960a08d0160808e016107b6565b60408051878152602081018790529081018890526001600160a01b0391909116907fb46597fb58702bcca8f0943196c3ab72b9768486f75c4f51c11c6608b986f78d9060600160405180910390a45050509695505050505050565b60405163337bfa3760e21b81525f906001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063cdefe8dc9061048290889060040161086e565b602060405180830381865afa15801561049d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104c191906107d6565b90505f5f6104d0838787610544565b5090925090505f8160038111156104e9576104e961093c565b141580610517575061050160a08801608089016107b6565b6001600160a01b0316826001600160a01b031614155b1561053a57604051633adddf7d60e11b815260ff851660048201526024016101c1565b5050949350505050565b5f80806041849003610578578435602086013560408701355f1a61056a8982858561058b565b955095509550505050610582565b505f915060029050825b93509350939050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411156105c457505f91506003905082610649565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015610615573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b03811661064057505f925060019150829050610649565b92505f91508190505b9450945094915050565b5f6101208284031215610664575f5ffd5b50919050565b5f5f83601f84011261067a575f5ffd5b50813567ffffffffffffffff811115610691575f5ffd5b6020830191508360208285010111156106a8575f5ffd5b9250929050565b5f5f5f5f5f5f608087890312156106c4575f5ffd5b863567ffffffffffffffff8111156106da575f5ffd5b6106e689828a01610653565b965050602087013567ffffffffffffffff811115610702575f5ffd5b61070e89828a0161066a565b909650945050604087013567ffffffffffffffff81111561072d575f5ffd5b61073989828a01610653565b935050606087013567ffffffffffffffff811115610755575f5ffd5b61076189828a0161066a565b979a9699509497509295939492505050565b80356001600160a01b0381168114610789575f5ffd5b919050565b5f5f6040838503121561079f575f5ffd5b6107a883610773565b946020939093013593505050565b5f602082840312156107c6575f5ffd5b6107cf82610773565b9392505050565b5f602082840312156107e6575f5ffd5b5051919050565b803567ffffffffffffffff81168114610789575f5ffd5b5f5f8335601e19843603018112610819575f5ffd5b830160208101925035905067ffffffffffffffff811115610838575f5ffd5b8036038213156106a8575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b60208082528235828201528201356040808301919091528201356060808301919091528201356080808301919091525f906108aa908401610773565b6001600160a01b03811660a08401525060a083013560c0838101919091526108d39084016107ed565b67ffffffffffffffff811660e0840152506108f160e0840184610804565b61012061010085015261090961014085018284610846565b91505061091a610100850185610804565b848303601f1901610120860152610932838284610846565b9695505050505050565b634e487b7160e01b5f52602160045260245ffdfea264697066735822122007bfe6720755e8699246aed9d479d7398a2ca9992e009ae7156161a999819a8964736f6c634300081e0033',
} as const;

export const artifacts = { VerityToken, ModelRegistry, NodeRegistry, ReceiptRegistry, ExampleConsumer, BatchSettlement, Multicall3, FeeSplitter, Disputes } as const;
