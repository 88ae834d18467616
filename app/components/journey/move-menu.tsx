// The non-drag way to move anything: a small menu of buttons in one form post, so it works with the
// keyboard and without JavaScript. The action parses it with MoveMenuSchema; with JavaScript the editor saves it like a drop (a fetcher, optimistic). Without it, the
// page comes back scrolled to where the thing went (on a phone, the stage it was moved to).
import { Form } from '@remix-run/react';
import { formProps, UnshownErrors, useEditorForm } from './editor-form';
import { useMoveSubmit } from './move-context';

export interface MoveOption {
  label: string;
  /** The submitted value: an index for stages and lanes, "stageId:index" for cards and KPIs. */
  value: string;
  /** The element id the page scrolls to after the move, when it is a plain form post. */
  anchor?: string;
}

export type MoveIntent = 'moveStage' | 'moveLane' | 'moveCard' | 'moveKpi';

/** Rendered only while the menu is open, so closed menus cost no form state. */
export function MoveMenuForm({ intent, id, options, close }: { intent: MoveIntent; id: string; options: MoveOption[]; close: () => void }) {
  const submitMove = useMoveSubmit();
  const name = intent === 'moveStage' || intent === 'moveLane' ? 'toIndex' : 'target';
  const [form] = useEditorForm({
    id: `move-${id}`,
    intent,
    rowId: id,
    onSubmit(event, formData) {
      // Saved like a drop: the board reads toStageId and toIndex from the pending fetcher.
      event.preventDefault();
      const target = formData.get('target');
      if (typeof target === 'string') {
        const [toStageId, toIndex] = target.split(':');
        formData.delete('target');
        formData.set('toStageId', toStageId ?? '');
        formData.set('toIndex', toIndex ?? '');
      }
      submitMove(formData);
      close();
    },
  });
  return (
    <Form method="post" preventScrollReset className="move-menu-items" {...formProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {options.map((o) => (
        <button
          key={o.value + o.label}
          type="submit"
          name={name}
          value={o.value}
          className="secondary small"
          formAction={o.anchor ? `#${o.anchor}` : undefined}
        >
          {o.label}
        </button>
      ))}
      <UnshownErrors form={form} />
    </Form>
  );
}
