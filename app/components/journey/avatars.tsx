// The avatars of the people also viewing a map (see presence.tsx): initials in a circle coloured by
// the person, their name for screen readers and on hover, "Also here" naming the list. Loaded, with
// its texts (the "presence" namespace), when someone else is there, not with every map.
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { avatarColour, initialsOf } from '~/domain/presence';
import type { Viewer } from '~/lib/live';

/** Avatars shown before "and N others". */
const SHOWN = 5;

export default function Avatars({ others }: { others: Viewer[] }) {
  const { t, ready } = useTranslation('presence');
  const more = others.length - SHOWN;
  return (
    <div className="presence no-print">
      <span id="presence-label">{ready ? t('alsoHere') : null}</span>
      <ul aria-labelledby="presence-label">
        {others.slice(0, SHOWN).map((viewer) => (
          <li key={viewer.id} title={viewer.name}>
            <span className="avatar" aria-hidden="true" style={{ '--avatar': avatarColour(viewer.id) } as CSSProperties}>
              {initialsOf(viewer.name)}
            </span>
            <span className="visually-hidden">{viewer.name}</span>
          </li>
        ))}
        {more > 0 && ready ? <li className="presence-more">{t('more', { count: more })}</li> : null}
      </ul>
    </div>
  );
}
