import { describe, expect, it } from 'vitest';
import { roleAtLeast } from '~/domain/roles';

describe('roleAtLeast', () => {
  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'editor', false],
    ['editor', 'editor', true],
    ['editor', 'owner', false],
    ['owner', 'editor', true],
    ['owner', 'viewer', true],
  ] as const)('%s at least %s: %s', (role, needed, ok) => {
    expect(roleAtLeast(role, needed)).toBe(ok);
  });
});
