/**
 * The `verity` command tree (commander) and the one place that turns outcomes into exit codes:
 * 0 success, 1 failure (any error from the network or a failed check), 2 a mistake in the command line.
 */
import { Command, CommanderError, Option } from 'commander';
import { chainStatusCommand } from './commands/chain-status.js';
import { chatCommand } from './commands/chat.js';
import { completeCommand } from './commands/complete.js';
import { healthCommand } from './commands/health.js';
import { inferCommand } from './commands/infer.js';
import { modelEarningsCommand } from './commands/model-earnings.js';
import { modelLsCommand } from './commands/model-ls.js';
import { modelPushCommand } from './commands/model-push.js';
import { nodeEarningsCommand } from './commands/node-earnings.js';
import { nodeClaimCommand } from './commands/node-claim.js';
import { nodeSettleCommand } from './commands/node-settle.js';
import { nodeLsCommand } from './commands/node-ls.js';
import { nodeRegisterCommand } from './commands/node-register.js';
import { disputeEquivocationCommand } from './commands/dispute-equivocation.js';
import { nodeStakeCommand } from './commands/node-stake.js';
import { nodeUnstakeCommand } from './commands/node-unstake.js';
import { nodeWithdrawCommand } from './commands/node-withdraw.js';
import { receiptVerifyCommand } from './commands/receipt-verify.js';
import { keyCreateCommand } from './commands/key-create.js';
import { keyLsCommand } from './commands/key-ls.js';
import { keyRevokeCommand } from './commands/key-revoke.js';
import { walletBalanceCommand } from './commands/wallet-balance.js';
import { walletDepositCommand } from './commands/wallet-deposit.js';
import { walletRefundCommand } from './commands/wallet-refund.js';
import { walletWithdrawCommand } from './commands/wallet-withdraw.js';
import { Context, defaultUrl, env } from './context.js';
import { examples } from './format.js';
import { type Io, Output, UsageError, exitCodes, processIo } from './output.js';

export const cliVersion = '0.1.0';

function group(name: string, description: string, commands: Command[]): Command {
  const command = new Command(name).description(description);
  for (const sub of commands) command.addCommand(sub);
  return command;
}

function everyCommand(root: Command): Command[] {
  return [root, ...root.commands.flatMap((c) => everyCommand(c))];
}

export function createProgram(context: Context, options: { json: boolean }): Command {
  const program = new Command('verity')
    .description('Verity: run AI models on independent nodes and check every answer offline')
    .version(cliVersion, '-V', 'print the CLI version')
    .addOption(new Option('--url <url>', 'node or router URL').env(env.url).default(defaultUrl))
    .option('--json', 'print machine-readable JSON on stdout (errors as {"error": {code, message, details}})')
    .addOption(
      new Option('--deployment <file>', 'deployment file of the chain (contract addresses, chain id, RPC URL)').env(
        env.deployment,
      ),
    )
    .addOption(new Option('--rpc-url <url>', "the chain's JSON-RPC URL (default: the deployment file's)").env(env.rpcUrl))
    .addHelpText(
      'after',
      `${examples([
        ['verity health'],
        ['verity model push ./mlp.onnx --name mlp --version 1'],
        ['verity model ls'],
        [`verity infer mlp@1 --input '{"x": [[1, 2, 3, 4]]}' --output answer.json`],
        ['verity receipt verify answer.json'],
        ['verity chat "What is Verity?" --model tiny-llama', 'a language model, streamed, its receipts checked'],
        ['verity complete "Once upon a time" --model tiny-llama --output story.json'],
        ['verity receipt verify answer.json --chain --deployment .verity/devnet/deployment.json', 'settled on chain?'],
        ['verity chain status --deployment .verity/devnet/deployment.json'],
        ['VERITY_KEY=0x… verity node register --endpoint http://203.0.113.7:7071 --stake 100'],
        ['VERITY_KEY=0x… verity wallet deposit 1 --deployment .verity/devnet/deployment.json', 'prepay a router'],
      ])}\nTransactions (model push with a deployment, node register|stake|unstake|withdraw, wallet) and payments for\nrequests are signed with the key in $${env.key}; it is never read from the command line and never printed.\n`,
    );
  program.addCommand(healthCommand(context));
  program.addCommand(
    group('model', 'publish and list models; what their answers earned', [
      modelPushCommand(context),
      modelLsCommand(context),
      modelEarningsCommand(context),
    ]),
  );
  program.addCommand(inferCommand(context));
  program.addCommand(chatCommand(context));
  program.addCommand(completeCommand(context));
  program.addCommand(group('receipt', 'check receipts offline, or settled on chain', [receiptVerifyCommand(context)]));
  program.addCommand(
    group('node', 'operate a node on chain: register, stake, unstake, withdraw; list the nodes; earnings, claim, settle', [
      nodeRegisterCommand(context),
      nodeStakeCommand(context),
      nodeUnstakeCommand(context),
      nodeWithdrawCommand(context),
      nodeLsCommand(context),
      nodeEarningsCommand(context),
      nodeClaimCommand(context),
      nodeSettleCommand(context),
    ]),
  );
  program.addCommand(
    group('wallet', "pay for requests: this key's x402 payment channel with the router", [
      walletDepositCommand(context),
      walletBalanceCommand(context),
      walletWithdrawCommand(context),
      walletRefundCommand(context),
    ]),
  );
  program.addCommand(
    group('key', 'API keys on prepaid channels, for OpenAI-compatible clients', [
      keyCreateCommand(context),
      keyLsCommand(context),
      keyRevokeCommand(context),
    ]),
  );
  program.addCommand(group('chain', 'the chain the network settles on', [chainStatusCommand(context)]));
  program.addCommand(
    group('dispute', 'prove fraud on chain: slash an executor that signed two answers to one request', [
      disputeEquivocationCommand(context),
    ]),
  );

  // addCommand does not pass settings down, so they are set on every command here.
  for (const command of everyCommand(program)) {
    command
      .exitOverride()
      .configureHelp({ showGlobalOptions: true })
      .configureOutput({
        writeOut: (text) => context.io.stdout.write(text),
        writeErr: (text) => (options.json ? undefined : context.io.stderr.write(text)),
      });
    if (!options.json) command.showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** Runs the CLI on arguments (without node and the script path) and returns the exit code. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const context = new Context(io);
  const json = wantsJson(argv);
  const out = new Output(io, json);
  const program = createProgram(context, { json });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCodes.ok;
      // Commander already printed its message in human mode.
      const message = error.code === 'commander.help' ? 'a command is missing' : error.message.replace(/^error: /, '');
      if (json) return out.error(new UsageError(message));
      return exitCodes.usage;
    }
    return out.error(error);
  }
}
