// The form for a new objective (editors).
import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ObjectiveFields, parentChoices, type ParentOption } from '~/components/objectives/objective-fields';
import { FormErrors } from '~/components/ui/field';
import type { NumberLocale } from '~/domain/decimal';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { objectiveSchema } from '~/lib/schemas/objectives';
import { useWorkspace } from '~/lib/workspace';

export function NewObjectiveForm({
  members,
  measures,
  parents,
  reply,
}: {
  members: readonly { id: string; name: string }[];
  measures: readonly { id: string; name: string }[];
  parents: readonly ParentOption[];
  reply?: ActionReply;
}) {
  const { user, workspace } = useWorkspace();
  const { t } = useTranslation('objectives');
  const schema = objectiveSchema(workspace.locale as NumberLocale);
  const [form] = useForm({
    id: 'new-objective',
    lastResult: lastResultFor(reply, 'create'),
    defaultValue: { ownerId: user.id, targetKind: 'money' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  });
  return (
    <section className="panel" aria-labelledby="new-objective-heading">
      <h2 id="new-objective-heading">{t('list.new')}</h2>
      <p className="muted">{t('list.newLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <FormErrors errors={form.errors} />
        <FormProvider context={form.context}>
          <ObjectiveFields members={members} parents={parentChoices(parents, null)} measures={measures} currency={workspace.currency} />
        </FormProvider>
        <button type="submit">{t('list.create')}</button>
      </Form>
    </section>
  );
}
