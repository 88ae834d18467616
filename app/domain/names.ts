// How names become identifiers: workspace slugs and file names, account e-mail addresses.

/** A URL- and file-safe slug: accents dropped, lower case, runs of other characters as one dash, 40 characters at most. */
export function slugify(name: string) {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'workspace';
}

/** The form an e-mail address is stored and looked up in, so "Claire@Example.com " finds claire@example.com. */
export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}
