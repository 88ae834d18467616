// The app's two pictures, drawn inline: an SVG as an <img> or a CSS mask makes the browser build a
// whole document for it (about 20-40 ms of main thread on a cold page load, before the first paint);
// a few inline nodes cost nothing. Decorative: the text beside them says what they are.

/** The Parcours mark (the same drawing as /favicon.svg). */
export function Logo({ size }: { size: number }) {
  return (
    <svg className="logo" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f4b5f" />
      <path d="M7 22c4-9 8 3 12-6s5-4 6-6" stroke="#f2b544" strokeWidth="3" fill="none" strokeLinecap="round" />
    </svg>
  );
}

/** A bell, in the text's colour. */
export function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
