/** @verity/cli: the `verity` command, for embedding (tests, other tools). */
export { cliVersion, createProgram, run } from './program.js';
export { type Io, Output, UsageError, exitCodes } from './output.js';
