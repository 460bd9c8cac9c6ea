/** Entry point of the `verity` command (bin/verity.js and `npm run verity` both land here). */
import { run } from './program.js';

process.exitCode = await run(process.argv.slice(2));
