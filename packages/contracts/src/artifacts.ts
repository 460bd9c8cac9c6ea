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
    }
  ],
  bytecode: '0x608060405234801561000f575f5ffd5b50604051610bda380380610bda83398101604081905261002e91610117565b806040518060400160405280600681526020016556657269747960d01b8152506040518060400160405280600381526020016215949560ea1b815250816003908161007991906101dc565b50600461008682826101dc565b5050506001600160a01b0381166100b657604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100bf816100c6565b5050610296565b600580546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f60208284031215610127575f5ffd5b81516001600160a01b038116811461013d575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061016c57607f821691505b60208210810361018a57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101d757805f5260205f20601f840160051c810160208510156101b55750805b601f840160051c820191505b818110156101d4575f81556001016101c1565b50505b505050565b81516001600160401b038111156101f5576101f5610144565b610209816102038454610158565b84610190565b6020601f82116001811461023b575f83156102245750848201515b5f19600385901b1c1916600184901b1784556101d4565b5f84815260208120601f198516915b8281101561026a578785015182556020948501946001909201910161024a565b508482101561028757868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b610937806102a35f395ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c806370a082311161009357806395d89b411161006357806395d89b41146101ef578063a9059cbb146101f7578063dd62ed3e1461020a578063f2fde38b14610242575f5ffd5b806370a0823114610191578063715018a6146101b957806379cc6790146101c15780638da5cb5b146101d4575f5ffd5b806323b872dd116100ce57806323b872dd14610147578063313ce5671461015a57806340c10f191461016957806342966c681461017e575f5ffd5b806306fdde03146100f4578063095ea7b31461011257806318160ddd14610135575b5f5ffd5b6100fc610255565b6040516101099190610790565b60405180910390f35b6101256101203660046107e0565b6102e5565b6040519015158152602001610109565b6002545b604051908152602001610109565b610125610155366004610808565b6102fe565b60405160128152602001610109565b61017c6101773660046107e0565b610321565b005b61017c61018c366004610842565b610337565b61013961019f366004610859565b6001600160a01b03165f9081526020819052604090205490565b61017c610344565b61017c6101cf3660046107e0565b610357565b6005546040516001600160a01b039091168152602001610109565b6100fc61036c565b6101256102053660046107e0565b61037b565b610139610218366004610879565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b61017c610250366004610859565b610388565b606060038054610264906108aa565b80601f0160208091040260200160405190810160405280929190818152602001828054610290906108aa565b80156102db5780601f106102b2576101008083540402835291602001916102db565b820191905f5260205f20905b8154815290600101906020018083116102be57829003601f168201915b5050505050905090565b5f336102f28185856103c7565b60019150505b92915050565b5f3361030b8582856103d9565b610316858585610455565b506001949350505050565b6103296104b2565b61033382826104df565b5050565b6103413382610513565b50565b61034c6104b2565b6103555f610547565b565b6103628233836103d9565b6103338282610513565b606060048054610264906108aa565b5f336102f2818585610455565b6103906104b2565b6001600160a01b0381166103be57604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61034181610547565b6103d48383836001610598565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f1981101561044f578181101561044157604051637dc7a0d960e11b81526001600160a01b038416600482015260248101829052604481018390526064016103b5565b61044f84848484035f610598565b50505050565b6001600160a01b03831661047e57604051634b637e8f60e11b81525f60048201526024016103b5565b6001600160a01b0382166104a75760405163ec442f0560e01b81525f60048201526024016103b5565b6103d483838361066a565b6005546001600160a01b031633146103555760405163118cdaa760e01b81523360048201526024016103b5565b6001600160a01b0382166105085760405163ec442f0560e01b81525f60048201526024016103b5565b6103335f838361066a565b6001600160a01b03821661053c57604051634b637e8f60e11b81525f60048201526024016103b5565b610333825f8361066a565b600580546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b0384166105c15760405163e602df0560e01b81525f60048201526024016103b5565b6001600160a01b0383166105ea57604051634a1406b160e11b81525f60048201526024016103b5565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561044f57826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9258460405161065c91815260200190565b60405180910390a350505050565b6001600160a01b038316610694578060025f82825461068991906108e2565b909155506107049050565b6001600160a01b0383165f90815260208190526040902054818110156106e65760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016103b5565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b0382166107205760028054829003905561073e565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161078391815260200190565b60405180910390a3505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b03811681146107db575f5ffd5b919050565b5f5f604083850312156107f1575f5ffd5b6107fa836107c5565b946020939093013593505050565b5f5f5f6060848603121561081a575f5ffd5b610823846107c5565b9250610831602085016107c5565b929592945050506040919091013590565b5f60208284031215610852575f5ffd5b5035919050565b5f60208284031215610869575f5ffd5b610872826107c5565b9392505050565b5f5f6040838503121561088a575f5ffd5b610893836107c5565b91506108a1602084016107c5565b90509250929050565b600181811c908216806108be57607f821691505b6020821081036108dc57634e487b7160e01b5f52602260045260245ffd5b50919050565b808201808211156102f857634e487b7160e01b5f52601160045260245ffdfea26469706673582212200fc19773b6324be381650737c62f13371b41649adf1e4f94f0442579b973c29b64736f6c634300081e0033',
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
  bytecode: '0x6080604052348015600e575f5ffd5b506111c88061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c80638607498511610093578063c1c3448c11610063578063c1c3448c1461021f578063c6a645fe14610232578063e18c3a061461023a578063f303136f14610265575f5ffd5b806386074985146101e757806398d7a7c6146101ef578063a74d9c8414610202578063b5c58b4514610217575f5ffd5b806338a699a4116100ce57806338a699a4146101755780633dca40e6146101a25780636fc61e7c146101be57806373b95010146101d4575f5ffd5b80630de4d5c0146100f457806321e7c498146101355780632cf5cf8b14610155575b5f5ffd5b610120610102366004610be2565b5f90815260208190526040902060010154600160f01b900460ff1690565b60405190151581526020015b60405180910390f35b610148610143366004610be2565b610278565b60405161012c9190610c27565b610168610163366004610d3f565b61054f565b60405161012c9190610d7e565b610120610183366004610be2565b5f908152602081905260409020600101546001600160a01b0316151590565b6101ab61271081565b60405161ffff909116815260200161012c565b6101c6601081565b60405190815260200161012c565b6101c66101e2366004610be2565b6105ce565b6101c6604081565b6101c66101fd366004610dc0565b610620565b610215610210366004610e2c565b610690565b005b6101c6602081565b61021561022d366004610be2565b6108bf565b6004546101c6565b61024d610248366004610d3f565b6109a5565b6040516001600160a01b03909116815260200161012c565b610120610273366004610be2565b6109e2565b6102e06040518061014001604052805f81526020015f6001600160a01b031681526020015f61ffff1681526020015f67ffffffffffffffff1681526020015f151581526020015f81526020015f81526020016060815260200160608152602001606081525090565b5f82815260208190526040902060018101546001600160a01b03166103205760405163a2dc062560e01b8152600481018490526024015b60405180910390fd5b60408051610140810182528254815260018301546001600160a01b0381166020830152600160a01b810461ffff1692820192909252600160b01b820467ffffffffffffffff166060820152600160f01b90910460ff1615156080820152600282015460a0820152600382015460c0820152600482018054839160e08401916103a790610eff565b80601f01602080910402602001604051908101604052809291908181526020018280546103d390610eff565b801561041e5780601f106103f55761010080835404028352916020019161041e565b820191905f5260205f20905b81548152906001019060200180831161040157829003601f168201915b5050505050815260200160058201805461043790610eff565b80601f016020809104026020016040519081016040528092919081815260200182805461046390610eff565b80156104ae5780601f10610485576101008083540402835291602001916104ae565b820191905f5260205f20905b81548152906001019060200180831161049157829003601f168201915b505050505081526020016006820180546104c790610eff565b80601f01602080910402602001604051908101604052809291908181526020018280546104f390610eff565b801561053e5780601f106105155761010080835404028352916020019161053e565b820191905f5260205f20905b81548152906001019060200180831161052157829003601f168201915b505050505081525050915050919050565b606060035f8484604051610564929190610f37565b604051809103902081526020019081526020015f208054806020026020016040519081016040528092919081815260200182805480156105c157602002820191905f5260205f20905b8154815260200190600101908083116105ad575b5050505050905092915050565b6004545f9082106105fd57600480546040516394666f0d60e01b81529182018490526024820152604401610317565b6004828154811061061057610610610f46565b905f5260205f2001549050919050565b5f60015f8686868660405160200161063b9493929190610f82565b60408051601f198184030181529181528151602092830120835290820192909252015f2054905080610688578484848460405163237ac1e960e21b81526004016103179493929190610f82565b949350505050565b896106ae576040516342b95c6560e11b815260040160405180910390fd5b6106ba89896040610a1e565b6106d75760405163430f13b360e01b815260040160405180910390fd5b6106e387876020610a1e565b6107005760405163a9146eeb60e01b815260040160405180910390fd5b61070c85856010610a1e565b6107295760405163257aa23b60e01b815260040160405180910390fd5b61271061ffff82161115610756576040516314df3fa960e31b815261ffff82166004820152602401610317565b5f8a8152602081905260409020600101546001600160a01b03161561079157604051630921ba1360e21b8152600481018b9052602401610317565b5f61079f8b8b8b8b8b610ab7565b5f8c81526020819052604090208c81556001810180546001600160b01b0319163361ffff60a01b191617600160a01b61ffff8716021767ffffffffffffffff60b01b1916600160b01b4267ffffffffffffffff16021790556002810185905560038101869055909150600481016108178b8d83611013565b5060058101610827898b83611013565b5060068101610837878983611013565b5060048c908060018154018082558091505060019003905f5260205f20015f909190919091505581336001600160a01b03168d7f3e45091706aa220288c00e1b0f1e1e2841e281ff8b2956f9e53a9b2129227d298e8e8e8e8e8e8e8e8e6040516108a9999897969594939291906110cd565b60405180910390a4505050505050505050505050565b5f81815260208190526040902060018101546001600160a01b03166108fa5760405163a2dc062560e01b815260048101839052602401610317565b60018101546001600160a01b0316331461093057604051633c0b35eb60e21b815260048101839052336024820152604401610317565b6001810154600160f01b900460ff16156109605760405163626c737560e11b815260048101839052602401610317565b60018101805460ff60f01b1916600160f01b179055604051339083907f2764ff460a47650f6d75b2bdd6600159241c29b93e255596dd914947ba82a5ef905f90a35050565b5f60025f84846040516109b9929190610f37565b604080519182900390912082526020820192909252015f20546001600160a01b03169392505050565b5f81815260208190526040812060018101546001600160a01b031615801590610a1757506001810154600160f01b900460ff16155b9392505050565b5f821580610a2b57508183115b15610a3757505f610a17565b5f5b83811015610aac575f858583818110610a5457610a54610f46565b909101356001600160f81b031916915050600160fe1b811480610a7c5750602060f882901c11155b80610a945750607f60f81b6001600160f81b03198216145b15610aa3575f92505050610a17565b50600101610a39565b506001949350505050565b5f8484604051610ac8929190610f37565b60408051918290039091205f818152600260205291909120549091506001600160a01b031680610b14575f82815260026020526040902080546001600160a01b03191633179055610b43565b6001600160a01b0381163314610b435785858260405163cad2ebf360e01b81526004016103179392919061112e565b5f86868686604051602001610b5b9493929190610f82565b60408051601f1981840301815291815281516020928301205f81815260019093529120549091508015610bab5787878787846040516366889c4360e01b8152600401610317959493929190611159565b505f9081526001602081815260408084208b9055858452600382528320805492830181558352909120019690965595945050505050565b5f60208284031215610bf2575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60208152815160208201525f6020830151610c4d60408401826001600160a01b03169052565b50604083015161ffff8116606084015250606083015167ffffffffffffffff8116608084015250608083015180151560a08401525060a083015160c083015260c083015160e083015260e0830151610140610100840152610cb2610160840182610bf9565b9050610100840151601f1984830301610120850152610cd18282610bf9565b915050610120840151601f1984830301610140850152610cf18282610bf9565b95945050505050565b5f5f83601f840112610d0a575f5ffd5b50813567ffffffffffffffff811115610d21575f5ffd5b602083019150836020828501011115610d38575f5ffd5b9250929050565b5f5f60208385031215610d50575f5ffd5b823567ffffffffffffffff811115610d66575f5ffd5b610d7285828601610cfa565b90969095509350505050565b602080825282518282018190525f918401906040840190835b81811015610db5578351835260209384019390920191600101610d97565b509095945050505050565b5f5f5f5f60408587031215610dd3575f5ffd5b843567ffffffffffffffff811115610de9575f5ffd5b610df587828801610cfa565b909550935050602085013567ffffffffffffffff811115610e14575f5ffd5b610e2087828801610cfa565b95989497509550505050565b5f5f5f5f5f5f5f5f5f5f60e08b8d031215610e45575f5ffd5b8a35995060208b013567ffffffffffffffff811115610e62575f5ffd5b610e6e8d828e01610cfa565b909a5098505060408b013567ffffffffffffffff811115610e8d575f5ffd5b610e998d828e01610cfa565b90985096505060608b013567ffffffffffffffff811115610eb8575f5ffd5b610ec48d828e01610cfa565b90965094505060808b0135925060a08b0135915060c08b013561ffff81168114610eec575f5ffd5b809150509295989b9194979a5092959850565b600181811c90821680610f1357607f821691505b602082108103610f3157634e487b7160e01b5f52602260045260245ffd5b50919050565b818382375f9101908152919050565b634e487b7160e01b5f52603260045260245ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f610f95604083018688610f5a565b8281036020840152610fa8818587610f5a565b979650505050505050565b634e487b7160e01b5f52604160045260245ffd5b601f82111561100e57805f5260205f20601f840160051c81016020851015610fec5750805b601f840160051c820191505b8181101561100b575f8155600101610ff8565b50505b505050565b67ffffffffffffffff83111561102b5761102b610fb3565b61103f836110398354610eff565b83610fc7565b5f601f841160018114611070575f85156110595750838201355b5f19600387901b1c1916600186901b17835561100b565b5f83815260208120601f198716915b8281101561109f578685013582556020948501946001909201910161107f565b50868210156110bb575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b60c081525f6110e060c083018b8d610f5a565b82810360208401526110f3818a8c610f5a565b9050828103604084015261110881888a610f5a565b60608401969096525050608081019290925261ffff1660a0909101529695505050505050565b604081525f611141604083018587610f5a565b905060018060a01b0383166020830152949350505050565b606081525f61116c606083018789610f5a565b828103602084015261117f818688610f5a565b915050826040830152969550505050505056fea264697066735822122047c5225b6642f653aa92bab0ed5162a4fe8ec12c245ac92fbaae54d46116dfea64736f6c634300081e0033',
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
  bytecode: '0x60c060405234801561000f575f5ffd5b506040516121f63803806121f683398101604081905261002e916101f0565b806001600160a01b03811661005c57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61006581610091565b506001600160a01b03808816608052861660a052610085858585856100e0565b5050505050505061027d565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b8315806100f457506001600160401b038316155b80610104575061271061ffff8216115b1561012257604051630e52390960e41b815260040160405180910390fd5b6001849055600280546001600160401b038581166001600160801b03199092168217680100000000000000009186169182021761ffff60801b1916600160801b61ffff86169081029190911790935560408051888152602081019390935282015260608101919091527f1c9109ab160224f4f02a62cb4b47bc128d0089aedf68af3d0a92f95261c2c56e9060800160405180910390a150505050565b6001600160a01b03811681146101d2575f5ffd5b50565b80516001600160401b03811681146101eb575f5ffd5b919050565b5f5f5f5f5f5f5f60e0888a031215610206575f5ffd5b8751610211816101be565b6020890151909750610222816101be565b60408901519096509450610238606089016101d5565b9350610246608089016101d5565b925060a088015161ffff8116811461025c575f5ffd5b60c089015190925061026d816101be565b8091505092959891949750929550565b60805160a051611f276102cf5f395f818161035c015281816112fc01526113a201525f818161045f015281816108f801528181610d6401528181610ee601528181610f2901526110370152611f275ff3fe608060405234801561000f575f5ffd5b50600436106101d1575f3560e01c80638da5cb5b116100fe578063bfac59901161009e578063f2fde38b1161006e578063f2fde38b14610447578063fc0c546a1461045a578063fc63958e14610481578063fd967f4714610489575f5ffd5b8063bfac5990146103ef578063c3c5a54714610402578063c85d3eb0146101fe578063eb4f16b514610434575f5ffd5b80639f8a13d7116100d95780639f8a13d71461039e578063aabc2496146103c1578063b1344271146103d4578063bed9d861146103e7575f5ffd5b80638da5cb5b146103475780639986df2c146103575780639d2090481461037e575f5ffd5b80634262336011610174578063765dcdb211610144578063765dcdb2146102f15780637c59dec8146103045780637c6f31581461032c5780637fa9215914610334575f5ffd5b806342623360146102985780634ee5c2ee146102c357806350ecbcaf146102d6578063715018a6146102e9575f5ffd5b806326142335116101af57806326142335146102405780633222012f1461026b578063375b3c0a146102855780633defb9621461028e575f5ffd5b8063038d67e8146101d557806310240569146101fe57806315c9788714610215575b5f5ffd5b6101e86101e33660046117a5565b610492565b6040516101f59190611920565b60405180910390f35b61020761010081565b6040519081526020016101f5565b600254610228906001600160401b031681565b6040516001600160401b0390911681526020016101f5565b61025361024e366004611983565b610597565b6040516001600160a01b0390911681526020016101f5565b60025461022890600160401b90046001600160401b031681565b61020760015481565b6102966105ff565b005b6102076102a63660046119b0565b6001600160a01b03165f9081526004602052604090206001015490565b6102966102d1366004611a0d565b610671565b6102966102e4366004611a94565b6106e2565b61029661074f565b6102966102ff366004611ad2565b610762565b60025461031990600160801b900461ffff1681565b60405161ffff90911681526020016101f5565b600654610207565b610296610342366004611b67565b6109b2565b5f546001600160a01b0316610253565b6102537f000000000000000000000000000000000000000000000000000000000000000081565b61039161038c3660046119b0565b6109cc565b6040516101f59190611bb9565b6103b16103ac3660046119b0565b610b9a565b60405190151581526020016101f5565b6102966103cf3660046119b0565b610c1e565b600354610253906001600160a01b031681565b610296610c81565b6102076103fd366004611bcb565b610dbd565b6103b16104103660046119b0565b6001600160a01b03165f90815260046020526040902054600160c01b900460ff1690565b610296610442366004611983565b610fe5565b6102966104553660046119b0565b6110a9565b6102537f000000000000000000000000000000000000000000000000000000000000000081565b6102966110e6565b61031961271081565b6006546060905f818510156104c6576104ab8583611c18565b84116104c0576104bb8486611c31565b6104c8565b816104c8565b845b90506104d48582611c18565b6001600160401b038111156104eb576104eb611c44565b60405190808252806020026020018201604052801561052457816020015b6105116116d4565b8152602001906001900390816105095790505b509250845b8181101561058e576105606006828154811061054757610547611c58565b5f918252602090912001546001600160a01b03166109cc565b8461056b8884611c18565b8151811061057b5761057b611c58565b6020908102919091010152600101610529565b50505092915050565b6006545f9082106105d2576006546040516394666f0d60e01b81526105c9918491600401918252602082015260400190565b60405180910390fd5b600682815481106105e5576105e5611c58565b5f918252602090912001546001600160a01b031692915050565b5f61060933611183565b80546fffffffffffffffff00000000000000001916600160401b426001600160401b031690810291909117825560405190815290915033907f72382836110f8dba15205d0508ec794c885dfa0cf8e4a75f68386f14e19ecdc19060200160405180910390a250565b5f61067b33611183565b9050610687848461120e565b60038101610696848683611cef565b506002810182905560405133907fb96904bc2b6c16d77421e79b249b175f7a8aaefc0daa96e158267a0f0a6c1b1b906106d490879087908790611dd0565b60405180910390a250505050565b5f6106ec33611183565b90506106f88383611240565b610706600482018484611731565b50336001600160a01b03167f5c2b5751fb6b4e3bc874256cbdd2a62d5347f56d573e56d50e5649fe10dcc5298484604051610742929190611e23565b60405180910390a2505050565b61075761143d565b6107605f611469565b565b335f9081526004602052604090208054600160c01b900460ff161561079c576040516345ed80e960e01b81523360048201526024016105c9565b6001548210156107cd5760015460405163829f116360e01b81526105c9918491600401918252602082015260400190565b6107d7878761120e565b6107e18484611240565b8054600160c01b78ff00000000000000000000000000000000ffffffffffffffff19909116426001600160401b03169081179190911777ffffffffffffffffffffffffffffffff00000000000000001916600160401b9190910267ffffffffffffffff60801b1916178155600181018290556002810185905560038101610869878983611cef565b50610878600482018585611731565b50335f9081526005602052604090205460ff166108eb57335f818152600560205260408120805460ff191660019081179091556006805491820181559091527ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f0180546001600160a01b03191690911790555b6109206001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163330856114b8565b336001600160a01b03167f6e79cc12f52b6e872bd38b6f2fe67c7b4e35f15400997a681b8105b90586aa0888888886898960405161096396959493929190611e3e565b60405180910390a26040516001600160401b034216815233907f72382836110f8dba15205d0508ec794c885dfa0cf8e4a75f68386f14e19ecdc19060200160405180910390a250505050505050565b6109ba61143d565b6109c6848484846114ee565b50505050565b6109d46116d4565b6001600160a01b0382165f9081526005602052604090205460ff16610a1757604051630b4fa80360e11b81526001600160a01b03831660048201526024016105c9565b6001600160a01b0382165f818152600460209081526040918290208251610160810190935292825260038301805491830191610a5290611c6c565b80601f0160208091040260200160405190810160405280929190818152602001828054610a7e90611c6c565b8015610ac95780601f10610aa057610100808354040283529160200191610ac9565b820191905f5260205f20905b815481529060010190602001808311610aac57829003601f168201915b50505050508152602001826002015481526020018260010154815260200182600401805480602002602001604051908101604052809291908181526020018280548015610b3357602002820191905f5260205f20905b815481526020019060010190808311610b1f575b505050918352505082546001600160401b038082166020840152600160401b820481166040840152600160801b82041660608301819052600160c01b90910460ff1615156080830152151560a082015260c001610b8f85610b9a565b151590529392505050565b6001600160a01b0381165f9081526004602052604081208054600160c01b900460ff168015610bd857508054600160801b90046001600160401b0316155b8015610bea5750600154816001015410155b8015610c1757506002548154610c13916001600160401b0390811691600160401b900416611c31565b4211155b9392505050565b610c2661143d565b6003546040516001600160a01b038084169216907f769fddf02aac12fc43be28e1805cccc977b924dddd966bf5ac19c54a769a50bc905f90a3600380546001600160a01b0319166001600160a01b0392909216919091179055565b335f9081526004602052604090208054600160c01b900460ff16610cba5760405163bfc6c33760e01b81523360048201526024016105c9565b8054600160801b90046001600160401b03165f819003610cef57604051639b66e0ed60e01b81523360048201526024016105c9565b806001600160401b0316421015610d2457604051630c63558760e11b81526001600160401b03821660048201526024016105c9565b6001820180545f91829055835468ffffffffffffffffff60801b1916845590610d5190600485019061177a565b8015610d8b57610d8b6001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633836115d0565b60405181815233907f8108595eb6bad3acefa9da467d90cc2217686d5c5ac85460f8b7849c840645fc90602001610742565b6003545f906001600160a01b03163314610dec576040516325e066bb60e11b81523360048201526024016105c9565b825f03610e0c57604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0384165f90815260046020526040902060018101548154600160c01b900460ff161580610e3e575080155b15610e6757604051630752994b60e51b81526001600160a01b03871660048201526024016105c9565b808510610e745780610e76565b845b9250610e828382611c18565b60018301555f6001600160a01b03851615610ec25760025461271090610eb390600160801b900461ffff1686611e7d565b610ebd9190611e94565b610ec4565b5f5b90505f610ed18286611c18565b90508115610f0d57610f0d6001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001687846115d0565b8015610f8957604051630852cd8d60e31b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906342966c68906024015f604051808303815f87803b158015610f72575f5ffd5b505af1158015610f84573d5f5f3e3d5ffd5b505050505b60408051868152602081018490529081018290526001600160a01b0380881691908a16907fd80b09e59f190f658efcb1b3a30ef9660b3954f5ae63099a42dac2f5ad94404e9060600160405180910390a3505050509392505050565b5f610fef33611183565b9050815f0361101157604051631f2a200560e01b815260040160405180910390fd5b81816001015f8282546110249190611c31565b9091555061105f90506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163330856114b8565b600181015460405133917f270d6dd254edd1d985c81cf7861b8f28fb06b6d719df04d90464034d434124409161109d91868252602082015260400190565b60405180910390a25050565b6110b161143d565b6001600160a01b0381166110da57604051631e4fbdf760e01b81525f60048201526024016105c9565b6110e381611469565b50565b5f6110f033611183565b6002549091505f9061111290600160401b90046001600160401b031642611eb3565b82546001600160401b038216600160801b0267ffffffffffffffff60801b19909116178355600183015460405191925033917f21020437c0e4b58b34bd7ac1f1cef55e7820d1bcd93824ceb273cad96eea704c9161109d9185909182526001600160401b0316602082015260400190565b6001600160a01b0381165f9081526004602052604090208054600160c01b900460ff166111ce5760405163bfc6c33760e01b81526001600160a01b03831660048201526024016105c9565b8054600160801b90046001600160401b03161561120957604051632d0fcf6560e01b81526001600160a01b03831660048201526024016105c9565b919050565b8080158061121d575061010081115b1561123b5760405163f1cbb56760e01b815260040160405180910390fd5b505050565b61010081111561126e5760405163cd41755d60e01b81526004810182905261010060248201526044016105c9565b5f5b8181101561123b575f83838381811061128b5761128b611c58565b9050602002013590505f821180156112c5575083836112ab600185611c18565b8181106112ba576112ba611c58565b905060200201358111155b156112e65760405163f32facd560e01b8152600481018390526024016105c9565b604051630e29a66960e21b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906338a699a490602401602060405180830381865afa158015611349573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061136d9190611ed2565b61138d5760405163a2dc062560e01b8152600481018290526024016105c9565b6040516237935760e61b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690630de4d5c090602401602060405180830381865afa1580156113ef573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906114139190611ed2565b1561143457604051633c35f0e760e21b8152600481018290526024016105c9565b50600101611270565b5f546001600160a01b031633146107605760405163118cdaa760e01b81523360048201526024016105c9565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6114c6848484846001611605565b6109c657604051635274afe760e01b81526001600160a01b03851660048201526024016105c9565b83158061150257506001600160401b038316155b80611512575061271061ffff8216115b1561153057604051630e52390960e41b815260040160405180910390fd5b6001849055600280546001600160401b038581166fffffffffffffffffffffffffffffffff199092168217600160401b9186169182021761ffff60801b1916600160801b61ffff86169081029190911790935560408051888152602081019390935282015260608101919091527f1c9109ab160224f4f02a62cb4b47bc128d0089aedf68af3d0a92f95261c2c56e9060800160405180910390a150505050565b6115dd8383836001611672565b61123b57604051635274afe760e01b81526001600160a01b03841660048201526024016105c9565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f51148316611661578383151615611655573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f511483166116c85783831516156116bc573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b60408051610160810182525f808252606060208301819052928201819052828201819052608082019290925260a0810182905260c0810182905260e081018290526101008101829052610120810182905261014081019190915290565b828054828255905f5260205f2090810192821561176a579160200282015b8281111561176a57823582559160200191906001019061174f565b50611776929150611791565b5090565b5080545f8255905f5260205f20908101906110e391905b5b80821115611776575f8155600101611792565b5f5f604083850312156117b6575f5ffd5b50508035926020909101359150565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f8151808452602084019350602083015f5b82811015611823578151865260209586019590910190600101611805565b5093949350505050565b80516001600160a01b031682525f602082015161016060208501526118566101608501826117c5565b905060408301516040850152606083015160608501526080830151848203608086015261188382826117f3565b91505060a08301516118a060a08601826001600160401b03169052565b5060c08301516118bb60c08601826001600160401b03169052565b5060e08301516118d660e08601826001600160401b03169052565b506101008301516118ec61010086018215159052565b5061012083015161190261012086018215159052565b5061014083015161191861014086018215159052565b509392505050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b8281101561197757603f1987860301845261196285835161182d565b94506020938401939190910190600101611946565b50929695505050505050565b5f60208284031215611993575f5ffd5b5035919050565b80356001600160a01b0381168114611209575f5ffd5b5f602082840312156119c0575f5ffd5b610c178261199a565b5f5f83601f8401126119d9575f5ffd5b5081356001600160401b038111156119ef575f5ffd5b602083019150836020828501011115611a06575f5ffd5b9250929050565b5f5f5f60408486031215611a1f575f5ffd5b83356001600160401b03811115611a34575f5ffd5b611a40868287016119c9565b909790965060209590950135949350505050565b5f5f83601f840112611a64575f5ffd5b5081356001600160401b03811115611a7a575f5ffd5b6020830191508360208260051b8501011115611a06575f5ffd5b5f5f60208385031215611aa5575f5ffd5b82356001600160401b03811115611aba575f5ffd5b611ac685828601611a54565b90969095509350505050565b5f5f5f5f5f5f60808789031215611ae7575f5ffd5b86356001600160401b03811115611afc575f5ffd5b611b0889828a016119c9565b9097509550506020870135935060408701356001600160401b03811115611b2d575f5ffd5b611b3989828a01611a54565b979a9699509497949695606090950135949350505050565b80356001600160401b0381168114611209575f5ffd5b5f5f5f5f60808587031215611b7a575f5ffd5b84359350611b8a60208601611b51565b9250611b9860408601611b51565b9150606085013561ffff81168114611bae575f5ffd5b939692955090935050565b602081525f610c17602083018461182d565b5f5f5f60608486031215611bdd575f5ffd5b611be68461199a565b925060208401359150611bfb6040850161199a565b90509250925092565b634e487b7160e01b5f52601160045260245ffd5b81810381811115611c2b57611c2b611c04565b92915050565b80820180821115611c2b57611c2b611c04565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b600181811c90821680611c8057607f821691505b602082108103611c9e57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561123b57805f5260205f20601f840160051c81016020851015611cc95750805b601f840160051c820191505b81811015611ce8575f8155600101611cd5565b5050505050565b6001600160401b03831115611d0657611d06611c44565b611d1a83611d148354611c6c565b83611ca4565b5f601f841160018114611d4b575f8515611d345750838201355b5f19600387901b1c1916600186901b178355611ce8565b5f83815260208120601f198716915b82811015611d7a5786850135825560209485019460019092019101611d5a565b5086821015611d96575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f611de3604083018587611da8565b9050826020830152949350505050565b8183525f6001600160fb1b03831115611e0a575f5ffd5b8260051b80836020870137939093016020019392505050565b602081525f611e36602083018486611df3565b949350505050565b608081525f611e5160808301888a611da8565b8660208401528560408401528281036060840152611e70818587611df3565b9998505050505050505050565b8082028115828204841417611c2b57611c2b611c04565b5f82611eae57634e487b7160e01b5f52601260045260245ffd5b500490565b6001600160401b038181168382160190811115611c2b57611c2b611c04565b5f60208284031215611ee2575f5ffd5b81518015158114610c17575f5ffdfea26469706673582212200490d6d67e84f23db984b566d1816920e2a5dcafb9178015c8e4eee3d10b9b3664736f6c634300081e0033',
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
  bytecode: '0x610180604052348015610010575f5ffd5b506040516113cc3803806113cc83398101604081905261002f91610171565b6040518060400160405280600681526020016556657269747960d01b815250604051806040016040528060018152602001603160f81b8152506100778261012b60201b60201c565b610120526100848161012b565b61014052815160208084019190912060e052815190820120610100524660a05261011060e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b0316610160526101f9565b5f5f829050601f8151111561015e578260405163305a27a960e01b8152600401610155919061019e565b60405180910390fd5b8051610169826101d3565b179392505050565b5f60208284031215610181575f5ffd5b81516001600160a01b0381168114610197575f5ffd5b9392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156101f3575f198160200360031b1b821691505b50919050565b60805160a05160c05160e0516101005161012051610140516101605161116a6102625f395f818161010a015281816102fd015261046f01525f61095c01525f61092c01525f610bf501525f610bcd01525f610b2801525f610b5201525f610b7c015261116a5ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c806395850f591161006357806395850f591461017f578063aafe1173146101a6578063b9fb34f4146101c9578063cdefe8dc146101de578063f98f6d48146101f1575f5ffd5b806338386c121461009f5780635c259bc5146100c55780635db82fa01461010557806367fae57a1461014457806384b0196e14610164575b5f5ffd5b6100b26100ad366004610d57565b610204565b6040519081526020015b60405180910390f35b6100b26100d3366004610d9f565b6001600160a01b0382165f9081526002602090815260408083206001600160401b038516845290915290205492915050565b61012c7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100bc565b610157610152366004610e2e565b610252565b6040516100bc9190610f16565b61016c6103eb565b6040516100bc9796959493929190610f6a565b6100b27f93a4f11dd70449d31f264a50f6f54a79556bcfa49e12c20a7eb7a73f115c888081565b6101b96101b4366004610e2e565b61042d565b60405190151581526020016100bc565b6101dc6101d7366004611000565b61045a565b005b6100b26101ec366004611045565b610611565b6101dc6101ff366004610e2e565b610732565b5f8160405160200161021891815260200190565b60408051601f1981840301815282825280516020918201209083015201604051602081830303815290604052805190602001209050919050565b5f5f61025d88610611565b90505f5f61026c838a8a6108c7565b5090925090505f81600381111561028557610285610f02565b14158061029957506001600160a01b038216155b156102aa57600193505050506103e1565b6102ba60a08b0160808c0161107e565b6001600160a01b0316826001600160a01b0316146102de57600293505050506103e1565b60405163c3c5a54760e01b81526001600160a01b0383811660048301527f0000000000000000000000000000000000000000000000000000000000000000169063c3c5a54790602401602060405180830381865afa158015610342573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103669190611097565b61037657600393505050506103e1565b6001600160a01b0382165f9081526002602090815260408083206001600160401b0389168452909152902054806103b45760049450505050506103e1565b6103c88888836103c388610204565b61090e565b6103d95760059450505050506103e1565b5f9450505050505b9695505050505050565b5f6060805f5f5f60606103fc610925565b610404610955565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f8061043d888888888888610252565b600581111561044e5761044e610f02565b14979650505050505050565b60405163c3c5a54760e01b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063c3c5a54790602401602060405180830381865afa1580156104bc573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104e09190611097565b610504576040516323e9993960e11b81523360048201526024015b60405180910390fd5b816105225760405163b263ae7360e01b815260040160405180910390fd5b8063ffffffff165f0361054857604051631399323960e21b815260040160405180910390fd5b335f9081526002602090815260408083206001600160401b038716845290915290205480156105a257604051635f5acea760e11b81523360048201526001600160401b0385166024820152604481018290526064016104fb565b335f8181526002602090815260408083206001600160401b03891680855290835292819020879055805187815263ffffffff8716928101929092529192917f857fc8ef9fc461221128f3d4f294259ea28a986f9d5315f9c4939252d327b862910160405180910390a350505050565b5f61072c7f93a4f11dd70449d31f264a50f6f54a79556bcfa49e12c20a7eb7a73f115c8880833560208501356040860135606087013561065760a0890160808a0161107e565b60a089013561066c60e08b0160c08c016110b6565b61067960e08c018c6110cf565b604051610687929190611111565b60405190819003902061069e6101008d018d6110cf565b6040516106ac929190611111565b60408051918290038220602083019b909b528101989098526060880196909652608087019490945260a08601929092526001600160a01b031660c085015260e08401526001600160401b03166101008301526101208201526101408101919091526101600160405160208183030381529060405280519060200120610980565b92915050565b5f610741878787878787610252565b90505f81600581111561075657610756610f02565b0361076157506108bf565b600181600581111561077557610775610f02565b0361079357604051638baa579f60e01b815260040160405180910390fd5b60028160058111156107a7576107a7610f02565b036107fb576107bf6107b888610611565b87876109ac565b6107cf60a0890160808a0161107e565b60405163851b7c7960e01b81526001600160a01b039283166004820152911660248201526044016104fb565b600381600581111561080f5761080f610f02565b036108495761082460a088016080890161107e565b604051634cb3404d60e11b81526001600160a01b0390911660048201526024016104fb565b600481600581111561085d5761085d610f02565b036108a65761087260a088016080890161107e565b60405163445ee62960e11b81526001600160a01b0390911660048201526001600160401b03831660248201526044016104fb565b604051633d76489160e01b815260040160405180910390fd5b505050505050565b5f808060418490036108fb578435602086013560408701355f1a6108ed898285856109d6565b955095509550505050610905565b505f915060029050825b93509350939050565b5f8261091b868685610a9e565b1495945050505050565b60606109507f0000000000000000000000000000000000000000000000000000000000000000610adf565b905090565b60606109507f0000000000000000000000000000000000000000000000000000000000000000610adf565b5f61072c61098c610b1c565b8360405161190160f01b8152600281019290925260228201526042902090565b5f5f5f5f6109bb8787876108c7565b9250925092506109cb8282610c45565b509095945050505050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115610a0f57505f91506003905082610a94565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015610a60573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b038116610a8b57505f925060019150829050610a94565b92505f91508190505b9450945094915050565b5f81815b84811015610ad657610acc82878784818110610ac057610ac0611120565b90506020020135610d01565b9150600101610aa2565b50949350505050565b60605f610aeb83610d30565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015610b7457507f000000000000000000000000000000000000000000000000000000000000000046145b15610b9e57507f000000000000000000000000000000000000000000000000000000000000000090565b610950604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f826003811115610c5857610c58610f02565b03610c61575050565b6001826003811115610c7557610c75610f02565b03610c935760405163f645eedf60e01b815260040160405180910390fd5b6002826003811115610ca757610ca7610f02565b03610cc85760405163fce698f760e01b8152600481018290526024016104fb565b6003826003811115610cdc57610cdc610f02565b03610cfd576040516335e2f38360e21b8152600481018290526024016104fb565b5050565b5f818310610d1b575f828152602084905260409020610d29565b5f8381526020839052604090205b9392505050565b5f60ff8216601f81111561072c57604051632cd44ac360e21b815260040160405180910390fd5b5f60208284031215610d67575f5ffd5b5035919050565b80356001600160a01b0381168114610d84575f5ffd5b919050565b80356001600160401b0381168114610d84575f5ffd5b5f5f60408385031215610db0575f5ffd5b610db983610d6e565b9150610dc760208401610d89565b90509250929050565b5f6101208284031215610de1575f5ffd5b50919050565b5f5f83601f840112610df7575f5ffd5b5081356001600160401b03811115610e0d575f5ffd5b6020830191508360208260051b8501011115610e27575f5ffd5b9250929050565b5f5f5f5f5f5f60808789031215610e43575f5ffd5b86356001600160401b03811115610e58575f5ffd5b610e6489828a01610dd0565b96505060208701356001600160401b03811115610e7f575f5ffd5b8701601f81018913610e8f575f5ffd5b80356001600160401b03811115610ea4575f5ffd5b896020828401011115610eb5575f5ffd5b6020919091019550935060408701356001600160401b03811115610ed7575f5ffd5b610ee389828a01610de7565b9094509250610ef6905060608801610d89565b90509295509295509295565b634e487b7160e01b5f52602160045260245ffd5b6020810160068310610f3657634e487b7160e01b5f52602160045260245ffd5b91905290565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f610f8860e0830189610f3c565b8281036040840152610f9a8189610f3c565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015610fef578351835260209384019390920191600101610fd1565b50909b9a5050505050505050505050565b5f5f5f60608486031215611012575f5ffd5b61101b84610d89565b925060208401359150604084013563ffffffff8116811461103a575f5ffd5b809150509250925092565b5f60208284031215611055575f5ffd5b81356001600160401b0381111561106a575f5ffd5b61107684828501610dd0565b949350505050565b5f6020828403121561108e575f5ffd5b610d2982610d6e565b5f602082840312156110a7575f5ffd5b81518015158114610d29575f5ffd5b5f602082840312156110c6575f5ffd5b610d2982610d89565b5f5f8335601e198436030181126110e4575f5ffd5b8301803591506001600160401b038211156110fd575f5ffd5b602001915036819003821315610e27575f5ffd5b818382375f9101908152919050565b634e487b7160e01b5f52603260045260245ffdfea2646970667358221220f7673131fad62525e1b8a5a411c439d5eed1eb93ec89d54c839665db4002af3264736f6c634300081e0033',
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
  bytecode: '0x60c060405234801561000f575f5ffd5b506040516108d93803806108d983398101604081905261002e91610044565b6001600160a01b0390911660805260a05261007b565b5f5f60408385031215610055575f5ffd5b82516001600160a01b038116811461006b575f5ffd5b6020939093015192949293505050565b60805160a05161082a6100af5f395f818160bf01528181610227015261025f01525f818160f401526102e9015261082a5ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c806321100a741461005957806343cdaad2146100ba5780637b103999146100ef578063a78f84cf1461012e578063d7dc06931461016b575b5f5ffd5b61006c6100673660046104b1565b610180565b60408051825181526020808401516001600160a01b031690820152828201516001600160401b0390811692820192909252606092830151909116918101919091526080015b60405180910390f35b6100e17f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020016100b1565b6101167f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100b1565b61015b61013c3660046104b1565b5f908152602081905260409020600101546001600160a01b0316151590565b60405190151581526020016100b1565b61017e610179366004610525565b610225565b005b604080516080810182525f808252602082018190529181018290526060810191909152505f818152602081815260409182902082516080810184528154815260018201546001600160a01b0381169382018490526001600160401b03600160a01b909104811694820194909452600290910154909216606083015261022057604051637bbe34c960e01b8152600481018390526024015b60405180910390fd5b919050565b7f00000000000000000000000000000000000000000000000000000000000000008660200135146102955760405163178609a760e21b81527f0000000000000000000000000000000000000000000000000000000000000000600482015260208701356024820152604401610217565b85355f908152602081905260409020600101546001600160a01b0316156102d2576040516311fb1a9f60e01b815286356004820152602401610217565b60405163aafe117360e01b81526001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063aafe117390610328908990899089908990899089906004016106ad565b602060405180830381865afa158015610343573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061036791906107b5565b61038757604051630806ab9160e11b815286356004820152602401610217565b6040518060800160405280876060013581526020018760800160208101906103af91906107db565b6001600160a01b0390811682526001600160401b038085166020808501919091524282166040948501528a355f9081528082528490208551815590850151600182018054958701518416600160a01b026001600160e01b0319909616919094161793909317909155606090920151600290910180549190921667ffffffffffffffff1990911617905561044860a08701608088016107db565b6001600160a01b03168660200135875f01357f7cf91b404cacac31bf4d66017afb7000b98af34f60bf7e896d28236745a447eb8960600135856040516104a19291909182526001600160401b0316602082015260400190565b60405180910390a4505050505050565b5f602082840312156104c1575f5ffd5b5035919050565b5f5f83601f8401126104d8575f5ffd5b5081356001600160401b038111156104ee575f5ffd5b6020830191508360208260051b8501011115610508575f5ffd5b9250929050565b80356001600160401b0381168114610220575f5ffd5b5f5f5f5f5f5f6080878903121561053a575f5ffd5b86356001600160401b0381111561054f575f5ffd5b8701610120818a031215610561575f5ffd5b955060208701356001600160401b0381111561057b575f5ffd5b8701601f8101891361058b575f5ffd5b80356001600160401b038111156105a0575f5ffd5b8960208284010111156105b1575f5ffd5b6020919091019550935060408701356001600160401b038111156105d3575f5ffd5b6105df89828a016104c8565b90945092506105f290506060880161050f565b90509295509295509295565b80356001600160a01b0381168114610220575f5ffd5b5f5f8335601e19843603018112610629575f5ffd5b83016020810192503590506001600160401b03811115610647575f5ffd5b803603821315610508575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b8183525f6001600160fb1b03831115610694575f5ffd5b8260051b80836020870137939093016020019392505050565b6080808252873582820152602088013560a0830152604088013560c0830152606088013560e08301525f906106e39089016105fe565b6001600160a01b031661010083015260a088013561012083015261070960c0890161050f565b6001600160401b031661014083015261072560e0890189610614565b61012061016085015261073d6101a085018284610655565b91505061074e6101008a018a610614565b848303607f1901610180860152610766838284610655565b92505050828103602084015261077d81888a610655565b9050828103604084015261079281868861067d565b9150506107aa60608301846001600160401b03169052565b979650505050505050565b5f602082840312156107c5575f5ffd5b815180151581146107d4575f5ffd5b9392505050565b5f602082840312156107eb575f5ffd5b6107d4826105fe56fea2646970667358221220e1d26d465c05f48e96e6b7640dafd99f699d49ea9d0c685b789a200a43c3e51a64736f6c634300081e0033',
} as const;

export const artifacts = { VerityToken, ModelRegistry, NodeRegistry, ReceiptRegistry, ExampleConsumer } as const;
