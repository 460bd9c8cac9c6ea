/** `verity model push <file>`: upload a model file (with a progress bar) and register it as name@version. */
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { Context } from '../context.js';
import { examples, fields, formatBytes } from '../format.js';
import { UsageError } from '../output.js';

interface PushOptions {
  name: string;
  version: string;
  format?: 'onnx' | 'gguf';
}

export function modelPushCommand(context: Context): Command {
  return new Command('push')
    .description('upload a model file and register it as <name>@<version>')
    .argument('<file>', 'the model file (.onnx or .gguf)')
    .requiredOption('--name <name>', 'model name')
    .requiredOption('--version <version>', 'version of this file, e.g. 1 or 2024-06-01')
    .addOption(new Option('--format <format>', 'model format (default: from the file extension)').choices(['onnx', 'gguf']))
    .addHelpText(
      'after',
      examples([
        ['verity model push ./mlp.onnx --name mlp --version 1'],
        ['verity model push ./model.bin --name llm --version 2 --format gguf', 'extension does not say the format'],
        ['verity model push ./mlp.onnx --name mlp --version 1 --json', 'print the registered model entry'],
      ]),
    )
    .action(async (file: string, options: PushOptions, command: Command) => {
      const { out, client } = context.session(command);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new UsageError(`no such file: ${file}`);
      const verity = client();
      const progress = out.progress('uploading');
      let entry;
      try {
        entry = await verity.pushModel(file, {
          name: options.name,
          version: options.version,
          ...(options.format ? { format: options.format } : {}),
          onProgress: (sent, total) => progress.update(sent, total),
        });
      } finally {
        progress.stop();
      }
      if (out.json) return out.result(entry);
      out.line(`${out.style.green('registered')} ${entry.name}@${entry.version}`);
      out.line(
        fields([
          ['model id', entry.modelId],
          ['format', entry.format],
          ['size', formatBytes(entry.size)],
          ['engine', entry.engine],
        ]),
      );
    });
}
