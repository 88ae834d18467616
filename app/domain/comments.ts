// Comments as plain text: the rules for mentions ("@Hugo Lefèvre", typed or picked from the member
// list), for the links a comment shows (http and https addresses found in the text) and for who is
// notified. A comment is stored as the text typed plus its mentions (who, and the name the text
// shows), so the text is never read as markup: what a person types can neither forge a mention nor
// inject HTML, and the page draws the pieces as React elements.

export const MAX_COMMENT_LENGTH = 4000;

export interface Mention {
  userId: string;
  name: string;
}

export interface Member {
  id: string;
  name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Case and accents aside ("lefevre" finds "Lefèvre"). */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** Is the "@" at `at` the start of a mention (not inside a word, like an e-mail address)? */
function mentionStart(text: string, at: number): boolean {
  return text[at] === '@' && (at === 0 || !WORD.test(text[at - 1]!));
}

/** Does `name` follow the "@" at `at`, as a whole name (not the start of a longer word)? */
function nameAt(text: string, at: number, name: string): boolean {
  if (!name) return false;
  const candidate = text.slice(at + 1, at + 1 + name.length);
  if (candidate.length !== name.length || foldName(candidate) !== foldName(name)) return false;
  const after = text[at + 1 + name.length];
  return after === undefined || !WORD.test(after);
}

// ---------------------------------------------------------------- typing a mention

/** The longest text after "@" that can still be a name being typed (two or three words). */
const MAX_QUERY = 60;

/**
 * The mention being typed at the caret, if any: the "@" that starts it and what follows it so far.
 * It stops at a line break, at another "@" and after MAX_QUERY characters.
 */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || !mentionStart(before, at)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n\r@]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/** The members whose name fits what was typed after "@": names starting so first, then any word; at most `limit`. */
export function matchMembers<M extends Member>(members: readonly M[], query: string, limit = 8): M[] {
  const q = foldName(query.trim());
  if (!q) return members.slice(0, limit);
  const starts: M[] = [];
  const words: M[] = [];
  for (const m of members) {
    const name = foldName(m.name);
    if (name.startsWith(q)) starts.push(m);
    else if (name.split(/\s+/).some((w, i, all) => all.slice(i).join(' ').startsWith(q))) words.push(m);
  }
  return [...starts, ...words].slice(0, limit);
}

/** The text once the mention typed from `start` to `caret` is replaced by "@Name ", and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const after = text.slice(caret);
  const inserted = `@${name}${after.startsWith(' ') ? '' : ' '}`;
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length + (after.startsWith(' ') ? 1 : 0) };
}

// ---------------------------------------------------------------- reading mentions from the text

/**
 * The members a comment mentions: every "@Name" of a member at the start of a word (the longest
 * name wins: "@Anne Marie" is Anne Marie, not Anne). When members share a name, those picked from
 * the list (`picked`, their ids) are the ones meant; with none picked, all of them. Anyone else's
 * "@name" stays plain text. In the order they appear, each once.
 */
export function findMentions(text: string, members: readonly Member[], picked: readonly string[] = []): Mention[] {
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  const found: Mention[] = [];
  const seen = new Set<string>();
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (!mentionStart(text, at)) continue;
    const first = byLength.find((m) => nameAt(text, at, m.name));
    if (!first) continue;
    const namesakes = byLength.filter((m) => m.name.length === first.name.length && foldName(m.name) === foldName(first.name));
    const chosen = namesakes.some((m) => picked.includes(m.id)) ? namesakes.filter((m) => picked.includes(m.id)) : namesakes;
    for (const m of chosen) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      // The name as the text writes it: that is what the comment shows highlighted.
      found.push({ userId: m.id, name: text.slice(at + 1, at + 1 + first.name.length) });
    }
  }
  return found;
}

// ---------------------------------------------------------------- showing a comment

export type CommentSegment = { kind: 'text'; text: string } | { kind: 'mention'; text: string; userId: string } | { kind: 'link'; text: string; href: string };

const URL_START = /\bhttps?:\/\//gi;
/** Characters that end an address: white space and what cannot appear in one unescaped. */
const URL_END = /[\s<>"`{}|\\^]/;
/** Punctuation that ends a sentence rather than the address it follows. */
const TRAILING = /[.,;:!?'"»)\]]$/;

/** Cuts the punctuation after an address ("see https://x.org/a." -> "https://x.org/a"), keeping balanced brackets. */
function trimAddress(raw: string): string {
  let url = raw;
  while (TRAILING.test(url)) {
    const last = url[url.length - 1]!;
    const open = last === ')' ? '(' : last === ']' ? '[' : null;
    if (open && url.split(open).length - 1 >= url.split(last).length - 1) break;
    url = url.slice(0, -1);
  }
  return url;
}

/** The http(s) addresses in a text, with where they are; anything that does not parse as one stays text. */
export function findLinks(text: string): { start: number; end: number; href: string }[] {
  const links: { start: number; end: number; href: string }[] = [];
  for (const match of text.matchAll(URL_START)) {
    const start = match.index;
    if (links.length && start < links[links.length - 1]!.end) continue;
    let end = start;
    while (end < text.length && !URL_END.test(text[end]!)) end += 1;
    const raw = trimAddress(text.slice(start, end));
    if (raw.length <= match[0].length) continue;
    try {
      const url = new URL(raw);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) links.push({ start, end: start + raw.length, href: url.href });
    } catch {
      // Not an address after all: it stays text.
    }
  }
  return links;
}

/** A comment cut into text, mentions (of the stored mentions only) and links, in order. */
export function commentSegments(text: string, mentions: readonly Mention[]): CommentSegment[] {
  const spans: { start: number; end: number; segment: CommentSegment }[] = [];
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (!mentionStart(text, at)) continue;
    const m = names.find((n) => nameAt(text, at, n.name));
    if (!m) continue;
    const end = at + 1 + m.name.length;
    spans.push({ start: at, end, segment: { kind: 'mention', text: text.slice(at, end), userId: m.userId } });
    at = end - 1;
  }
  for (const link of findLinks(text)) {
    if (spans.some((s) => link.start < s.end && s.start < link.end)) continue;
    spans.push({ start: link.start, end: link.end, segment: { kind: 'link', text: text.slice(link.start, link.end), href: link.href } });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: CommentSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ kind: 'text', text: text.slice(at, span.start) });
    out.push(span.segment);
    at = span.end;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** A comment on one line for lists, cut at `max` characters on a word boundary when it can. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

// ---------------------------------------------------------------- who is told

/**
 * Who a new comment notifies: the members it mentions ("mention"), and the people who started the
 * thread or wrote in it ("reply", for a reply only), once each, a mention winning over a reply.
 * Never its author, never someone who is not (or no longer) a member.
 */
export function recipientsOf(input: {
  authorId: string;
  mentioned: readonly string[];
  /** The thread's starter and the authors of its earlier comments; empty for a new thread. */
  participants: readonly string[];
  memberIds: ReadonlySet<string>;
}): { userId: string; kind: 'mention' | 'reply' }[] {
  const out = new Map<string, 'mention' | 'reply'>();
  for (const id of input.mentioned) if (id !== input.authorId && input.memberIds.has(id)) out.set(id, 'mention');
  for (const id of input.participants) if (id !== input.authorId && input.memberIds.has(id) && !out.has(id)) out.set(id, 'reply');
  return [...out].map(([userId, kind]) => ({ userId, kind }));
}

// ---------------------------------------------------------------- where a thread is shown

/** From this stage on, a link to a map thread names the window of stages that holds its item. */
const WINDOWED_FROM = 3;

/**
 * Where a thread is read: the map with its comments panel on the thread (the map's stages loaded
 * around the item's, for a large map sent in windows), or the project page at the thread.
 */
export function threadHref(slug: string, threadId: string, target: { mapId: string | null; projectId: string | null; stagePosition: number | null }): string {
  if (target.mapId) {
    const params = new URLSearchParams({ thread: threadId });
    if (target.stagePosition !== null && target.stagePosition >= WINDOWED_FROM) params.set('from', String(target.stagePosition - 1));
    return `/w/${slug}/maps/${target.mapId}/comments?${params}`;
  }
  return `/w/${slug}/projects/${target.projectId}?thread=${threadId}#thread-${threadId}`;
}
