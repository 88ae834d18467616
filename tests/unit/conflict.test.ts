import { describe, expect, it } from 'vitest';
import { differingFields } from '~/domain/conflict';

const fields = [
  { name: 'title', label: 'Title' },
  { name: 'description', label: 'Description' },
  { name: 'channel', label: 'Channel' },
];

describe('the comparison of a refused save', () => {
  it('lists, in the form order, only the fields where theirs and yours differ', () => {
    const theirs = { title: 'Site web v2', description: 'Leur texte', channel: 'web', version: 2, savedBy: 'Camille Martin' };
    const yours = { title: 'Mon titre', description: 'Leur texte', channel: 'web' };
    expect(differingFields(fields, theirs, yours)).toEqual([{ name: 'title', label: 'Title', theirs: 'Site web v2', yours: 'Mon titre' }]);
  });

  it('compares values as the server saves them: trimmed, null and missing as empty', () => {
    expect(differingFields(fields, { title: 'A', description: null, channel: 'web' }, { title: ' A ', channel: 'web' })).toEqual([]);
    expect(differingFields(fields, { title: 'A', description: '', channel: null }, { title: 'A', description: '', channel: 'mail' })).toEqual([
      { name: 'channel', label: 'Channel', theirs: '', yours: 'mail' },
    ]);
  });

  it('compares values as shown: a stored decimal and the same number typed the French way are equal', () => {
    const show = (name: string, value: unknown) =>
      name === 'target' && typeof value === 'string' ? value.replace(/\.?0+$/, '').replace('.', ',') : String(value ?? '');
    const target = [{ name: 'target', label: 'Target' }];
    expect(differingFields(target, { target: '35.500000' }, { target: '35,5' }, show)).toEqual([]);
    expect(differingFields(target, { target: '35.500000' }, { target: '36' }, show)).toEqual([
      { name: 'target', label: 'Target', theirs: '35,5', yours: '36' },
    ]);
  });
});
