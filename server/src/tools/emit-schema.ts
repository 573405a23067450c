// Writes schema.graphql (sorted) from the code-first schema.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../schema.js';

const out = new URL('../../../schema.graphql', import.meta.url);
const schema = await getSchema();
writeFileSync(out, `# Generated from server/src by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`);
console.log(`wrote ${out.pathname}`);
