import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from './schema.js';

describe('schema.graphql', () => {
  it('matches the code-first schema (run `npm run codegen` after changing the graph)', async () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printSortedSchema());
  });
});
