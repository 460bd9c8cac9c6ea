/** Pure text formatting for people: tensors, sizes, tables, checks, help examples. No I/O here. */
import { type Check, type Tensor, decodeTensor } from '@verity/protocol';

export interface Style {
  green(text: string): string;
  red(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const colors: Style = { green: ansi(32, 39), red: ansi(31, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
export const plain: Style = { green: (t) => t, red: (t) => t, dim: (t) => t, bold: (t) => t };

/** The "Examples:" block shown after a command's help. */
export function examples(lines: readonly [command: string, comment?: string][]): string {
  const body = lines.map(([command, comment]) => (comment ? `  # ${comment}\n  $ ${command}` : `  $ ${command}`));
  return `\nExamples:\n${body.join('\n')}\n`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Unix seconds as an ISO time (UTC, whole seconds); 0 (never) as "-". */
export function formatTime(seconds: number): string {
  return seconds === 0 ? '-' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** 0x1234abcd… : enough to tell ids apart in a table. */
/** A price stated on chain, in wei: per answer, and its token prices when it has any ("1000 + 5/in + 10/out"). */
export function formatPrice(price: { priceWei: bigint; inputTokenPriceWei: bigint; outputTokenPriceWei: bigint }): string {
  const { priceWei, inputTokenPriceWei, outputTokenPriceWei } = price;
  if (inputTokenPriceWei === 0n && outputTokenPriceWei === 0n) return String(priceWei);
  return `${priceWei} + ${inputTokenPriceWei}/in + ${outputTokenPriceWei}/out`;
}

export function shortHex(hex: string, digits = 8): string {
  return hex.length > digits + 2 ? `${hex.slice(0, digits + 2)}…` : hex;
}

/** 0xf39F…2266 : an address, recognizable at a glance. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], style: Style = plain): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [style.bold(line(header)), ...rows.map(line)].join('\n');
}

/** `label  value` lines with the labels aligned. */
export function fields(entries: readonly [label: string, value: string][], indent = '  '): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join('\n');
}

function formatValue(value: number | bigint, dtype: Tensor['dtype']): string {
  if (typeof value === 'bigint') return value.toString();
  if (dtype === 'bool') return value ? 'true' : 'false';
  if (dtype === 'float32' || dtype === 'float64') return String(Number(value.toPrecision(dtype === 'float32' ? 6 : 10)));
  return String(value);
}

/** One tensor on one line: name, dtype, shape, and its first `maxValues` values. */
export function formatTensor(name: string, tensor: Tensor, maxValues = 16): string {
  const head = `${name}  ${tensor.dtype} [${tensor.shape.join(', ')}]`;
  let values: string[];
  try {
    const { data } = decodeTensor(name, tensor);
    const shown = Array.from(data.subarray(0, maxValues) as ArrayLike<number | bigint>, (v) => formatValue(v, tensor.dtype));
    const rest = data.length - shown.length;
    values = rest > 0 ? [...shown, `… ${rest} more`] : shown;
  } catch (error) {
    return `${head}  (cannot decode: ${(error as Error).message})`;
  }
  return `${head}  [${values.join(', ')}]`;
}

export function formatCheck(check: Check, style: Style = plain): string {
  const mark = check.ok ? style.green('✓') : style.red('✗');
  const where = check.receipt === undefined ? '' : ` [receipt ${check.receipt}]`;
  return `${mark} ${check.check}${where}: ${check.message}`;
}
