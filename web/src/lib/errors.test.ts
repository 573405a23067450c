import { describe, expect, it } from 'vitest';
import { describeError, fieldError, formField, isUnauthenticated } from './errors';

const err = (code: string, message: string, extensions: Record<string, unknown> = {}) => ({
  message: `[GraphQL] ${message}`,
  networkError: undefined,
  graphQLErrors: [{ message, extensions: { code, ...extensions } }] as any,
});

describe('the error funnel', () => {
  it('puts BAD_USER_INPUT at the field it names, without the argument prefix or the repeated name', () => {
    const p = describeError(err('BAD_USER_INPUT', 'input.slug: must be 1-39 characters', { field: 'input.slug' }));
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug', index: null, message: 'Must be 1-39 characters' });
    expect(fieldError(p, 'slug')).toBe('Must be 1-39 characters');
    expect(fieldError(p, 'name')).toBeNull();
  });

  it('keeps the index of a list entry, so only that entry is marked', () => {
    const p = describeError(err('BAD_USER_INPUT', 'input.patterns[2]: "a b" contains whitespace', { field: 'input.patterns[2]' }));
    expect(p).toMatchObject({ field: 'patterns', index: 2 });
    expect(fieldError(p, 'patterns', 2)).toMatch(/whitespace/);
    expect(fieldError(p, 'patterns', 0)).toBeNull();
  });

  it('maps nested and bare fields', () => {
    expect(formField('policy.quotaBytes')).toEqual({ field: 'quotaBytes', index: null });
    expect(formField('input.rate.readRps')).toEqual({ field: 'rate.readRps', index: null });
    expect(formField('graceSeconds')).toEqual({ field: 'graceSeconds', index: null });
    expect(formField('input.policy.defaultTtlSeconds')).toEqual({ field: 'defaultTtlSeconds', index: null });
  });

  it('explains CONFLICT as someone else\'s change, with what to do', () => {
    const p = describeError(err('CONFLICT', 'namespace:a/b was changed by someone else (expected version 1, it is at 2); reload and retry'));
    expect(p.title).toBe('Changed by someone else');
    expect(p.message).toMatch(/Reload/);
    expect(p.field).toBeNull();
  });

  it('sends ALREADY_EXISTS to the slug field', () => {
    const p = describeError(err('ALREADY_EXISTS', 'project shop already exists', { id: 'project:shop' }));
    expect(fieldError(p, 'slug')).toBe('Project shop already exists. Pick another slug.');
  });

  it('never shows an internal error\'s detail, only the request id to look up', () => {
    const p = describeError(err('INTERNAL_SERVER_ERROR', 'Internal server error (request r-1)', { requestId: 'r-1' }));
    expect(p.message).toContain('request r-1');
  });

  it('says when to retry after too many failed sign-ins', () => {
    const p = describeError(err('TOO_MANY_REQUESTS', 'Too many failed authentications; retry in 42 s', { retryAfterSeconds: 42 }));
    expect(p).toMatchObject({ title: 'Too many attempts', message: 'Too many failed authentications; retry in 42 s.' });
  });

  it('tells a network failure from a server answer', () => {
    const p = describeError({ message: 'x', networkError: new TypeError('Failed to fetch'), graphQLErrors: [] } as any);
    expect(p.code).toBe('NETWORK');
    expect(p.title).toBe('Cannot reach MemMouse');
  });

  it('recognises a rejected token by its code or a bare 401', () => {
    expect(isUnauthenticated(err('UNAUTHENTICATED', 'A valid token is required'))).toBe(true);
    expect(isUnauthenticated({ graphQLErrors: [], response: { status: 401 } } as any)).toBe(true);
    expect(isUnauthenticated(err('FORBIDDEN', 'no'))).toBe(false);
  });
});
