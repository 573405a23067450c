// Writes schema.graphql (sorted) from the code-first schema.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printSortedSchema } from '../schema.js';

const out = new URL('../../../schema.graphql', import.meta.url);
writeFileSync(out, await printSortedSchema());
console.log(`wrote ${out.pathname}`);
