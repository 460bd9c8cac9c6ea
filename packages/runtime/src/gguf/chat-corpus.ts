/**
 * The text the demo chat model is built from: short dialogues about Verity, grouped by topic. Each topic has the
 * words that point a question to it (its keywords), a few example questions, and the one answer the model gives for
 * it. The model's word statistics (which word follows which two) are counted from the answers; the keywords are
 * what it reads in the user's message. `chatCorpusText` renders it all in the engine's fixed chat template.
 */

export interface ChatTopic {
  name: string;
  /**
   * Lower-case words of questions on this topic; their capitalized forms count too, and so does any other word
   * sharing a prefix of five or more letters with one topic's keywords only (a cheap stemmer: "verified" → verify).
   */
  keywords: readonly string[];
  /** Keywords that also occur in questions about other topics ("node"): any other keyword in the question wins. */
  broadKeywords?: readonly string[];
  /** Example questions (documentation and tests; each reaches this topic through its keywords). */
  questions: readonly string[];
  /** What the assistant says; words, with `.`, `,`, `:`, `!` and `?` as the only punctuation. */
  answer: string;
}

/**
 * Topic 0 is the fallback: a question with no keyword, or only weak ones like "Verity", gets its answer. Its
 * keywords weigh less than any other topic's, so "How does Verity pay nodes?" is about payments.
 */
export const verityChatTopics: readonly ChatTopic[] = [
  {
    name: 'overview',
    keywords: ['verity', 'network', 'about', 'explain', 'overview', 'project', 'purpose', 'idea'],
    questions: ['What is Verity?', 'Tell me about Verity.', 'What does the network do?', 'Explain the project.'],
    answer:
      'Verity is an open network for verifiable AI. Staked compute nodes run the models, every answer carries a signed ' +
      'receipt that anyone can check offline or on chain, and clients pay per request.',
  },
  {
    name: 'greeting',
    keywords: ['hello', 'hi', 'hey', 'greetings', 'morning', 'evening', 'thanks', 'thank'],
    questions: ['Hello!', 'Hi there', 'Good morning', 'Thanks!'],
    answer:
      'Hello! I am a small chat model served by the Verity network. Ask me about nodes, receipts, staking, ' +
      'replication or payments.',
  },
  {
    name: 'receipts',
    keywords: [
      'receipt',
      'receipts',
      'verify',
      'verification',
      'signature',
      'signatures',
      'signed',
      'trust',
      'proof',
      'check',
      'checked',
      'offline',
      'eip',
      'authentic',
    ],
    questions: ['What is a receipt?', 'How do I verify an answer?', 'Can I trust the output?', 'How are results checked?'],
    answer:
      'Every answer comes with a receipt, an EIP-712 message signed by the node that computed it. The receipt binds ' +
      'the model hash, the input and the output, so anyone can verify it offline or check its settlement on chain.',
  },
  {
    name: 'nodes',
    broadKeywords: ['node', 'nodes'],
    keywords: ['operator', 'operators', 'operate', 'compute', 'host', 'hosting', 'hardware', 'server', 'machine'],
    questions: ['What does a node do?', 'How do I operate a node?', 'Who hosts the compute?', 'What is a compute node?'],
    answer:
      'A compute node stakes on chain, loads models by their hash and runs each request under a deterministic ' +
      'profile. It signs a receipt for every answer, and the router only sends work to staked, active nodes.',
  },
  {
    name: 'staking',
    keywords: [
      'stake',
      'stakes',
      'staked',
      'staking',
      'unstake',
      'slash',
      'slashed',
      'slashing',
      'cheat',
      'cheats',
      'cheating',
      'collateral',
      'honest',
      'penalty',
      'punish',
      'deposit',
    ],
    questions: ['Why do nodes stake?', 'What is staking?', 'What happens if a node cheats?', 'What is slashing?'],
    answer:
      'Nodes lock a stake of VRT before they can serve requests. A node that signs wrong outputs can be slashed, so ' +
      'honest work pays and cheating costs money.',
  },
  {
    name: 'replication',
    keywords: [
      'replicate',
      'replication',
      'replicas',
      'agree',
      'agreement',
      'consensus',
      'majority',
      'quorum',
      'dissent',
      'disagree',
      'independent',
      'several',
      'multiple',
      'redundancy',
    ],
    questions: ['What does replicate:k mean?', 'How do nodes agree?', 'What is replication?', 'Is there a quorum?'],
    answer:
      'With replicate:k, the router sends the same request to k independent nodes and returns the output that a ' +
      'strict majority agrees on. Nodes that disagree are named as dissent, so a single bad node cannot change the answer.',
  },
  {
    name: 'payments',
    keywords: [
      'pay',
      'pays',
      'paid',
      'payment',
      'payments',
      'price',
      'prices',
      'pricing',
      'cost',
      'costs',
      'fee',
      'fees',
      'charge',
      'money',
      'vrt',
      'buy',
      'cheap',
      'expensive',
      'billing',
      'earn',
    ],
    questions: ['How do I pay?', 'How much does it cost?', 'What are the fees?', 'How does payment work?'],
    answer:
      'Clients pay per request. The price is set for each model, the node that does the work earns the fee, and ' +
      'every payment is backed by a signed receipt.',
  },
  {
    name: 'models',
    broadKeywords: ['model', 'models'],
    keywords: ['onnx', 'gguf', 'llm', 'llms', 'upload', 'weights', 'format', 'formats', 'publish', 'hub', 'registry', 'hash'],
    questions: ['Which models are supported?', 'Can I upload my own model?', 'What formats work?', 'Where are the weights?'],
    answer:
      'Verity runs ONNX models and small language models in GGUF format. Each model is stored and published by its ' +
      'content hash, so a receipt always names the exact weights behind an answer.',
  },
  {
    name: 'chain',
    broadKeywords: ['chain'],
    keywords: [
      'blockchain',
      'onchain',
      'contract',
      'contracts',
      'ethereum',
      'settle',
      'settled',
      'settlement',
      'merkle',
      'epoch',
      'epochs',
      'solidity',
      'anvil',
      'ledger',
    ],
    questions: ['What happens on chain?', 'Which contracts are there?', 'How are receipts settled?', 'What is an epoch?'],
    answer:
      'Nodes register and stake in the contracts on chain. Receipts are grouped into epochs, each epoch posts one ' +
      'Merkle root, and any receipt can be proven against that root with a short proof.',
  },
  {
    name: 'openness',
    keywords: [
      'open',
      'join',
      'source',
      'decentralized',
      'permissionless',
      'anyone',
      'free',
      'license',
      'community',
      'contribute',
    ],
    questions: ['Is Verity open?', 'Who can join?', 'Is it open source?', 'Is it decentralized?'],
    answer:
      'Yes. Verity is an open network: anyone can stake and run a node, publish a model or send a request, and the ' +
      'code is open source.',
  },
  {
    name: 'determinism',
    keywords: [
      'deterministic',
      'determinism',
      'reproducible',
      'same',
      'greedy',
      'temperature',
      'seed',
      'identical',
      'repeat',
      'replay',
    ],
    questions: ['Is the output deterministic?', 'Why is the answer always the same?', 'Are results reproducible?'],
    answer:
      'Nodes run every model under a fixed profile: one CPU thread, one batch size and greedy decoding. The same ' +
      'request then gives the same tokens on every node, which is what makes receipts comparable.',
  },
  {
    name: 'usage',
    keywords: ['sdk', 'cli', 'client', 'api', 'use', 'using', 'start', 'install', 'typescript', 'curl', 'command', 'integrate'],
    questions: ['How do I use it?', 'Is there an SDK?', 'How do I get started?', 'Can I call it with curl?'],
    answer:
      'Send requests to the router over its HTTP API, or use the TypeScript SDK or the verity command. The SDK ' +
      'checks every receipt for you before it returns an answer.',
  },
];

/** The corpus as dialogues in the engine's fixed chat template (`User: …\nAssistant: …\n`), one per question. */
export function chatCorpusText(topics: readonly ChatTopic[] = verityChatTopics): string {
  return topics.flatMap((t) => t.questions.map((q) => `User: ${q}\nAssistant: ${t.answer}\n`)).join('');
}
