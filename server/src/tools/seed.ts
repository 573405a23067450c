// npm run seed [-- --force] [-- --drop]: the demo projects, with real sample keys.
import { parseFlags, runCli } from './cli.js';
import { seedDemo } from '../seed/seed.service.js';

const flags = parseFlags(process.argv.slice(2), ['force', 'drop']);
await runCli(async (ctx) => {
  const r = await seedDemo(ctx, { force: !!flags.force, drop: !!flags.drop });
  return {
    projects: r.projects.map((p) => p.slug),
    namespaces: r.namespaceCount,
    services: r.serviceCount,
    bindings: r.bindingCount,
    sampleKeys: r.keyCount,
    serviceTokens: Object.fromEntries(r.tokens.map((t) => [`${t.doc.project}/${t.doc.slug}`, t.token])),
  };
});
