// Comment text: mentions typed or picked, links found in the text, the pieces a comment is drawn
// from, and who a new comment notifies.
import { describe, expect, it } from 'vitest';
import { activeMention, commentSegments, excerpt, findLinks, findMentions, insertMention, matchMembers, recipientsOf, threadHref } from '~/domain/comments';

const hugo = { id: 'u-hugo', name: 'Hugo Lefèvre' };
const nadia = { id: 'u-nadia', name: 'Nadia Benali' };
const anne = { id: 'u-anne', name: 'Anne' };
const anneMarie = { id: 'u-anne-marie', name: 'Anne Marie' };
const members = [hugo, nadia, anne, anneMarie];

describe('mentions read from the text', () => {
  it.each([
    ['@Hugo Lefèvre can you check?', [{ userId: 'u-hugo', name: 'Hugo Lefèvre' }]],
    // Case and accents aside: the text keeps what was typed.
    ['cc @hugo lefevre', [{ userId: 'u-hugo', name: 'hugo lefevre' }]],
    [
      'cc @hugo lefèvre, @Nadia Benali.',
      [
        { userId: 'u-hugo', name: 'hugo lefèvre' },
        { userId: 'u-nadia', name: 'Nadia Benali' },
      ],
    ],
    ['(@Nadia Benali)', [{ userId: 'u-nadia', name: 'Nadia Benali' }]],
    ['@Anne Marie agrees', [{ userId: 'u-anne-marie', name: 'Anne Marie' }]],
    ['@Anne agrees', [{ userId: 'u-anne', name: 'Anne' }]],
    ['@Annette is not Anne', []],
    ['write to hugo@Hugo Lefèvre', []],
    ['@Someone Else is not a member', []],
    ['@Hugo Lefèvre twice @Hugo Lefèvre', [{ userId: 'u-hugo', name: 'Hugo Lefèvre' }]],
    ['@\nHugo Lefèvre', []],
  ])('%j', (text, expected) => {
    expect(findMentions(text, members)).toEqual(expected);
  });

  it('namesakes: the one picked from the list is meant; with none picked, both', () => {
    const other = { id: 'u-hugo-2', name: 'Hugo Lefèvre' };
    expect(findMentions('@Hugo Lefèvre', [hugo, other], ['u-hugo-2']).map((m) => m.userId)).toEqual(['u-hugo-2']);
    expect(findMentions('@Hugo Lefèvre', [hugo, other]).map((m) => m.userId)).toEqual(['u-hugo', 'u-hugo-2']);
  });

  it('an id picked from the list whose name is no longer in the text mentions nobody', () => {
    expect(findMentions('no names here', members, ['u-hugo'])).toEqual([]);
  });
});

describe('typing a mention', () => {
  it.each([
    ['@', 1, { start: 0, query: '' }],
    ['hi @hu', 6, { start: 3, query: 'hu' }],
    ['hi @Hugo Le', 11, { start: 3, query: 'Hugo Le' }],
    ['hi @Hugo Le and more', 11, { start: 3, query: 'Hugo Le' }],
    ['mail me at a@b', 14, null],
    ['@ hugo', 6, null],
    ['@hugo\nnext', 10, null],
    ['@hugo  two spaces', 17, null],
  ])('%j at %i', (text, caret, expected) => {
    expect(activeMention(text, caret)).toEqual(expected);
  });

  it('finds members by the start of their name or of any word, accents aside', () => {
    expect(matchMembers(members, 'an').map((m) => m.id)).toEqual(['u-anne', 'u-anne-marie']);
    expect(matchMembers(members, 'lefe').map((m) => m.id)).toEqual(['u-hugo']);
    expect(matchMembers(members, 'marie').map((m) => m.id)).toEqual(['u-anne-marie']);
    expect(matchMembers(members, 'zz')).toEqual([]);
    expect(matchMembers(members, '', 2)).toHaveLength(2);
  });

  it('replaces what was typed by the name and puts the caret after it', () => {
    expect(insertMention('hi @hu', 3, 6, 'Hugo Lefèvre')).toEqual({ text: 'hi @Hugo Lefèvre ', caret: 17 });
    expect(insertMention('hi @hu there', 3, 6, 'Hugo Lefèvre')).toEqual({ text: 'hi @Hugo Lefèvre there', caret: 17 });
  });
});

describe('links in a comment', () => {
  it.each([
    ['see https://example.org/a?b=1.', ['https://example.org/a?b=1']],
    ['(http://example.org/x)', ['http://example.org/x']],
    ['https://en.wikipedia.org/wiki/Net_(economics), ok', ['https://en.wikipedia.org/wiki/Net_(economics)']],
    ['two: https://a.example and https://b.example!', ['https://a.example/', 'https://b.example/']],
    ['javascript:alert(1) and ftp://x.org', []],
    ['https:// nothing', []],
    ['«https://example.org»', ['https://example.org/']],
    ['https://example.org/<script>', ['https://example.org/']],
  ])('%j', (text, expected) => {
    expect(findLinks(text).map((l) => l.href)).toEqual(expected);
  });
});

describe('a comment cut into pieces', () => {
  it('text, stored mentions and links, in order; markup stays text', () => {
    const mentions = [{ userId: 'u-hugo', name: 'Hugo Lefèvre' }];
    expect(commentSegments('@Hugo Lefèvre look <b>https://x.example/p</b> @Nadia Benali', mentions)).toEqual([
      { kind: 'mention', text: '@Hugo Lefèvre', userId: 'u-hugo' },
      { kind: 'text', text: ' look <b>' },
      { kind: 'link', text: 'https://x.example/p', href: 'https://x.example/p' },
      // Not a stored mention: plain text.
      { kind: 'text', text: '</b> @Nadia Benali' },
    ]);
  });

  it('a text without anything special is one piece', () => {
    expect(commentSegments('plain', [])).toEqual([{ kind: 'text', text: 'plain' }]);
  });
});

it('an excerpt is one line, cut on a word', () => {
  expect(excerpt('one\ntwo   three')).toBe('one two three');
  expect(excerpt('alpha beta gamma delta', 15)).toBe('alpha beta…');
});

describe('who a new comment notifies', () => {
  const memberIds = new Set(['me', 'hugo', 'nadia', 'starter']);
  it('mentioned members, then the thread’s people; never the author or a non-member; a mention wins', () => {
    expect(
      recipientsOf({ authorId: 'me', mentioned: ['hugo', 'me', 'stranger'], participants: ['starter', 'hugo', 'me', 'gone'], memberIds }).sort((a, b) =>
        a.userId.localeCompare(b.userId),
      ),
    ).toEqual([
      { userId: 'hugo', kind: 'mention' },
      { userId: 'starter', kind: 'reply' },
    ]);
  });

  it('a new thread notifies only whom it mentions', () => {
    expect(recipientsOf({ authorId: 'me', mentioned: [], participants: [], memberIds })).toEqual([]);
  });
});

describe('where a notification leads', () => {
  it('a map thread opens the map’s comments panel on it, with the stages around its item loaded', () => {
    expect(threadHref('demo', 't1', { mapId: 'm1', projectId: null, stagePosition: 0 })).toBe('/w/demo/maps/m1/comments?thread=t1');
    expect(threadHref('demo', 't1', { mapId: 'm1', projectId: null, stagePosition: 7 })).toBe('/w/demo/maps/m1/comments?thread=t1&from=6');
  });
  it('a project thread opens the project page at the thread', () => {
    expect(threadHref('demo', 't2', { mapId: null, projectId: 'p1', stagePosition: null })).toBe('/w/demo/projects/p1?thread=t2#thread-t2');
  });
});
