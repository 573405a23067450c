// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { safeNext } from './SignInPage';

describe('where sign-in goes next', () => {
  const origin = 'http://console.test';
  it('goes back to a page of the console, never off-site (the router refuses that with a crash page)', () => {
    expect(safeNext('/projects/acme/namespaces/orders?x=1', origin)).toBe('/projects/acme/namespaces/orders?x=1');
    expect(safeNext(null, origin)).toBe('/projects');
    expect(safeNext('https://evil.example/', origin)).toBe('/projects');
    expect(safeNext('//evil.example', origin)).toBe('/projects');
    expect(safeNext('/\\evil.example', origin)).toBe('/projects');
    expect(safeNext('/\t/evil.example', origin)).toBe('/projects');
  });
});
