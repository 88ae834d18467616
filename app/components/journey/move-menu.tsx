// The non-drag way to move anything: a small menu of buttons in one form post, so it works with the
// keyboard and without JavaScript. With JavaScript the editor saves it like a drop (optimistic).
import { Form } from '@remix-run/react';
import { memo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Expandable } from './expandable';
import { useMoveSubmit } from './move-context';

export interface MoveOption {
  label: string;
  /** The submitted value: an index for stages and lanes, "stageId:index" for cards and KPIs. */
  value: string;
}

export const MoveMenu = memo(function MoveMenu({ intent, id, label, options }: { intent: string; id: string; label: string; options: MoveOption[] }) {
  const { t } = useTranslation('maps');
  const submitMove = useMoveSubmit();
  const name = intent === 'moveStage' || intent === 'moveLane' ? 'toIndex' : 'target';
  const onSubmit = (close: () => void) => (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter) return;
    event.preventDefault();
    const form = new FormData(event.currentTarget, submitter);
    const target = form.get('target');
    if (typeof target === 'string') {
      const [toStageId, toIndex] = target.split(':');
      form.delete('target');
      form.set('toStageId', toStageId ?? '');
      form.set('toIndex', toIndex ?? '');
    }
    submitMove(form);
    close();
  };
  if (options.length === 0) return null;
  return (
    <Expandable param="move" id={id} label={t('move.menu')} ariaLabel={t('move.menuFor', { name: label })} className="move-menu">
      {(close) => (
        <Form method="post" preventScrollReset onSubmit={onSubmit(close)} className="move-menu-items">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="id" value={id} />
          {options.map((o) => (
            <button key={o.value + o.label} type="submit" name={name} value={o.value} className="secondary small">
              {o.label}
            </button>
          ))}
        </Form>
      )}
    </Expandable>
  );
});
