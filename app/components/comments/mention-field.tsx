// The comment box: a text area in which typing "@" opens the list of the workspace's members,
// filtered as one types (the autocomplete pattern of a combobox: the field keeps the focus and names
// the highlighted option with aria-activedescendant; Up and Down move in the list, Enter or Tab
// picks, Escape closes it). Picking writes "@Name " into the text and keeps the member's id in a
// hidden field, which settles who is meant when two members share a name. Without JavaScript the
// box is a plain text area: "@Name" typed in full mentions the member all the same.
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '~/components/ui/field-errors';
import { activeMention, insertMention, matchMembers, MAX_COMMENT_LENGTH, type Member } from '~/domain/comments';
import { formatNumber } from '~/lib/format';

/** From this length on, the box says how many characters are left. */
const COUNT_FROM = MAX_COMMENT_LENGTH - 500;

export function MentionField({
  id,
  label,
  members,
  defaultValue,
  defaultPicked = [],
  errors,
  errorId,
  locale,
}: {
  id: string;
  label: string;
  members: readonly Member[];
  defaultValue?: string;
  defaultPicked?: readonly string[];
  errors?: string[];
  errorId: string;
  locale: string;
}) {
  const { t } = useTranslation('comments');
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = `${id}-hint`;
  const [picked, setPicked] = useState<readonly string[]>(defaultPicked);
  const [length, setLength] = useState(defaultValue?.length ?? 0);
  // The mention being typed (where its "@" is and what follows), and the highlighted member.
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // Escape closes the list until another "@" is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const matches = useMemo(() => (typing ? matchMembers(members, typing.query) : []), [typing, members]);
  const open = !!typing && matches.length > 0 && dismissed !== typing.start;
  const optionId = (i: number) => `${listId}-${i}`;

  const follow = () => {
    const el = box.current;
    if (!el) return;
    setLength(el.value.length);
    const next = el.selectionStart === el.selectionEnd ? activeMention(el.value, el.selectionStart) : null;
    setTyping((was) => (was?.start === next?.start && was?.query === next?.query ? was : next));
    if (next?.start !== typing?.start || next?.query !== typing?.query) setActive(0);
  };

  const pick = (member: Member) => {
    const el = box.current;
    if (!el || !typing) return;
    const { text, caret } = insertMention(el.value, typing.start, el.selectionStart, member.name);
    el.value = text;
    el.setSelectionRange(caret, caret);
    el.focus();
    setPicked((ids) => (ids.includes(member.id) ? ids : [...ids, member.id]));
    setTyping(null);
    setLength(text.length);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]!);
    } else if (event.key === 'Escape') {
      // The list closes; the panel around stays open.
      event.preventDefault();
      setDismissed(typing!.start);
    }
  };

  const over = length > MAX_COMMENT_LENGTH;
  return (
    <div className="field mention-field">
      <label htmlFor={id}>{label}</label>
      <div className="mention-box">
        <textarea
          ref={box}
          id={id}
          name="body"
          rows={3}
          defaultValue={defaultValue}
          aria-invalid={errors?.length || over ? true : undefined}
          aria-describedby={`${hintId}${errors?.length ? ` ${errorId}` : ''}`}
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(active) : undefined}
          onInput={follow}
          onKeyUp={(event) => {
            if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') follow();
          }}
          onClick={follow}
          onBlur={() => setTyping(null)}
          onKeyDown={onKeyDown}
        />
        {open ? (
          <ul id={listId} role="listbox" className="mention-list" aria-label={t('mention.list')}>
            {matches.map((m, i) => (
              <li
                key={m.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                // Pressed, not clicked: the box keeps the focus (and its caret) while the member is picked.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(m);
                }}
              >
                {m.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={hintId} className={`field-hint${over ? ' over' : ''}`}>
        {length >= COUNT_FROM
          ? t('composer.count', { count: length, used: formatNumber(length, locale, 0), max: formatNumber(MAX_COMMENT_LENGTH, locale, 0) })
          : t('composer.hint')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {open ? t('mention.matches', { count: matches.length }) : ''}
      </p>
      {picked.map((memberId) => (
        <input key={memberId} type="hidden" name="mention" value={memberId} />
      ))}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
