/**
 * `npm run backfill -- customers [--from-page N]`: fills the customer
 * directory with the customers Fakturia already has, for going live
 * (docs/operations.md). The work is in ./backfill/.
 */
import { runBackfill } from './backfill/run.js';

const code = await runBackfill(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exit(code);
