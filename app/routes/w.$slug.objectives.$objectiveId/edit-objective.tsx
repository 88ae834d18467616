// The objective's edit form, versioned: a save based on an old version is refused and the page shows
// the current content; and its deletion (refused while it has sub-objectives).
import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ObjectiveFields, parentChoices, type ParentOption } from '~/components/objectives/objective-fields';
import { ButtonForm } from '~/components/ui/button-form';
import { FormErrors } from '~/components/ui/field';
import { trimDecimal, type NumberLocale } from '~/domain/decimal';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { DeleteObjectiveSchema, objectiveSchema } from '~/lib/schemas/objectives';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectiveRow } from '~/server/objectives.server';

/** A stored decimal as a person types it back ('45.5' -> '45,5' in French). */
function decimalInput(value: string | null, locale: NumberLocale) {
  if (value === null) return '';
  const plain = trimDecimal(value);
  return locale === 'fr' ? plain.replace('.', ',') : plain;
}

export function EditObjective({
  objective: o,
  members,
  measures,
  parents,
  hasChildren,
  reply,
}: {
  objective: ObjectiveRow;
  members: readonly { id: string; name: string }[];
  measures: readonly { id: string; name: string }[];
  parents: readonly ParentOption[];
  hasChildren: boolean;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const locale = workspace.locale as NumberLocale;
  const schema = objectiveSchema(locale);
  const [form] = useForm({
    id: `edit-objective-${o.version}`,
    lastResult: lastResultFor(reply, 'update'),
    defaultValue: {
      name: o.name,
      description: o.description,
      ownerId: o.ownerId ?? '',
      parentId: o.parentId ?? '',
      startDate: o.startDate,
      endDate: o.endDate,
      targetKind: o.targetKind,
      targetAmount: decimalInput(o.targetAmount, locale),
      impactType: o.impactType ?? '',
      measureId: o.measureId ?? '',
      targetValue: decimalInput(o.targetValue, locale),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  });
  return (
    <section className="panel" aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('edit.title')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={o.version} />
        <FormErrors errors={form.errors} />
        <FormProvider context={form.context}>
          <ObjectiveFields members={members} parents={parentChoices(parents, o.id)} measures={measures} currency={workspace.currency} />
        </FormProvider>
        <button type="submit">{t('edit.save')}</button>
      </Form>
      <h3>{t('edit.deleteTitle')}</h3>
      {hasChildren ? <p className="muted">{t('edit.deleteHasChildren')}</p> : null}
      <ButtonForm
        id={`delete-${o.version}`}
        schema={DeleteObjectiveSchema}
        fields={{ intent: 'delete', version: o.version }}
        confirm={t('edit.deleteConfirm', { name: o.name })}
      >
        <button type="submit" className="danger">
          {t('edit.delete')}
        </button>
      </ButtonForm>
    </section>
  );
}
