// npm run reindex [-- --drop]: rebuild every index from the documents and report what was fixed.
import { parseFlags, runCli } from './cli.js';
import { reindex } from '../seed/reindex.service.js';

const flags = parseFlags(process.argv.slice(2), ['drop']);
await runCli((ctx) => reindex(ctx, !!flags.drop));
