// "Search a measure or create one": the box at the foot of a KPI-row cell. An ARIA combobox (input
// role=combobox + listbox, arrows / Enter / Escape): typing filters the library (debounced fetcher
// on the search resource route), choosing places the KPI, and the "Create “X”" option creates the
// measure in the library and places it. Without JavaScript it is a plain form: the typed name is
// searched by exact name or created, then the map reloads. The action parses it with PlaceKpiSchema
// (the browser loads no schema: the map editor's forms post plainly); a refusal shows under the box
// it came from.
import type { SubmissionResult } from '@conform-to/react';
import { useFetcher } from '@remix-run/react';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '~/components/ui/field-errors';
import { answerFor } from '~/lib/action-result';

interface SearchData {
  q: string;
  matches: { id: string; name: string; unit: string; group: string | null }[];
  exact: boolean;
}
type PlaceData =
  | { intent: 'place'; rowId: string; status: 'done'; kpiId: string; measureName: string; created: boolean }
  | { intent: 'place'; rowId: string; status: 'invalid'; result?: SubmissionResult<string[]> };

type Option = { kind: 'measure'; id: string; name: string; detail: string } | { kind: 'create'; name: string };

const DEBOUNCE_MS = 200;

// Inline styles: the box is rendered by the map editor, whose route does not load measures.css.
const BOX: CSSProperties = { position: 'relative', marginTop: 4 };
const INPUT: CSSProperties = { width: '100%', fontSize: '0.82rem', padding: '4px 6px' };
const LIST: CSSProperties = {
  position: 'absolute',
  zIndex: 30,
  left: 0,
  minWidth: '100%',
  width: 'max-content',
  maxWidth: 320,
  margin: 0,
  padding: '2px 0',
  listStyle: 'none',
  background: 'var(--paper)',
  border: '1px solid var(--line-strong)',
  borderRadius: 6,
  boxShadow: '0 4px 12px rgb(16 24 40 / 16%)',
  maxHeight: 260,
  overflowY: 'auto',
};
const OPTION: CSSProperties = { padding: '5px 8px', cursor: 'pointer', fontSize: '0.85rem' };
const ACTIVE: CSSProperties = { ...OPTION, background: 'var(--brand)', color: '#fff' };

export function AddKpiBox({ slug, mapId, laneId, stageId }: { slug: string; mapId: string; laneId: string; stageId: string }) {
  const { t } = useTranslation('measures');
  const search = useFetcher<SearchData>();
  const place = useFetcher<PlaceData>();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announce, setAnnounce] = useState('');
  const searchUrl = `/w/${slug}/measures/search`;
  const placeUrl = `/w/${slug}/kpis/new`;

  // Debounced search while the list is open; `search.load` is stable enough across renders.
  const load = search.load;
  useEffect(() => {
    if (!open) return;
    const handle = setTimeout(() => load(`${searchUrl}?q=${encodeURIComponent(text.trim())}`), DEBOUNCE_MS);
    return () => clearTimeout(handle);
  }, [text, open, load, searchUrl]);

  const placed = place.data;
  useEffect(() => {
    if (place.state !== 'idle' || !placed) return;
    setAnnounce(placed.status === 'done' ? t(placed.created ? 'addBox.createdAndPlaced' : 'addBox.placed', { name: placed.measureName }) : t('addBox.failed'));
  }, [place.state, placed, t]);

  const typed = text.trim();
  const matches = search.data?.matches ?? [];
  const exact = matches.some((m) => m.name.toLowerCase() === typed.toLowerCase());
  const options: Option[] = [
    ...matches.map<Option>((m) => ({ kind: 'measure', id: m.id, name: m.name, detail: [m.unit, m.group].filter(Boolean).join(' · ') })),
    ...(typed && !exact ? [{ kind: 'create' as const, name: typed }] : []),
  ];
  const expanded = open && options.length > 0;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  // useId, not the cell's two uuids: one box per KPI cell, and the large map's markup is counted.
  const formId = `${id}-form`;
  const nameId = `${formId}-field-name`;
  const nameErrorId = `${nameId}-error`;
  // The answer names its cell (`rowId`), like the map editor's answers; a placed KPI clears the
  // errors of an earlier refusal.
  const answer = answerFor(place.state === 'idle' ? place.data : undefined, 'place', `${laneId}:${stageId}`);
  const nameErrors = answer?.status === 'invalid' ? (answer.result?.error?.name ?? undefined) : undefined;

  function choose(option: Option) {
    const body: Record<string, string> = { mapId, laneId, stageId, js: '1' };
    if (option.kind === 'measure') body.measureId = option.id;
    else body.name = option.name;
    place.submit(body, { method: 'post', action: placeUrl });
    setText('');
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
        break;
      case 'Enter':
        if (expanded && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]!);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
    }
  }

  return (
    <place.Form
      method="post"
      action={placeUrl}
      className="add-kpi-box"
      style={BOX}
      id={formId}
      noValidate
      onSubmit={(event) => {
        // With JavaScript, Enter without a highlighted option means "this exact name": pick the
        // library measure of that name, or create it (a blank name is the server's to refuse).
        event.preventDefault();
        const same = matches.find((m) => m.name.toLowerCase() === typed.toLowerCase());
        choose(same ? { kind: 'measure', id: same.id, name: same.name, detail: '' } : { kind: 'create', name: typed });
      }}
    >
      <input type="hidden" name="mapId" value={mapId} />
      <input type="hidden" name="laneId" value={laneId} />
      <input type="hidden" name="stageId" value={stageId} />
      <label htmlFor={nameId} className="visually-hidden">
        {t('addBox.label')}
      </label>
      <input
        ref={inputRef}
        id={nameId}
        name="name"
        type="text"
        role="combobox"
        autoComplete="off"
        required
        maxLength={120}
        placeholder={t('addBox.placeholder')}
        aria-invalid={nameErrors?.length ? true : undefined}
        aria-describedby={nameErrors?.length ? nameErrorId : undefined}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        style={INPUT}
      />
      <ul id={listId} role="listbox" aria-label={t('addBox.label')} hidden={!expanded} style={expanded ? LIST : undefined}>
        {expanded
          ? options.map((o, i) => (
              // The keyboard path is the input's (ARIA combobox: arrows move aria-activedescendant,
              // Enter chooses), so an option takes clicks only.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={o.kind === 'measure' ? o.id : 'create'}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                style={i === active ? ACTIVE : OPTION}
                // Keep the focus in the input so the list does not close before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(o)}
              >
                {o.kind === 'measure' ? (
                  <>
                    {o.name} {o.detail ? <span style={{ opacity: 0.75, fontSize: '0.78rem' }}>{o.detail}</span> : null}
                  </>
                ) : (
                  t('addBox.create', { name: o.name })
                )}
              </li>
            ))
          : null}
      </ul>
      <button type="submit" className="secondary small add-kpi-submit" disabled={place.state !== 'idle'}>
        {t('addBox.submit')}
      </button>
      <FieldErrors id={nameErrorId} errors={nameErrors} />
      <span role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </span>
    </place.Form>
  );
}
