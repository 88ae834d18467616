// "Name this version": names the map's current version (and closes it). A plain POST before
// JavaScript; the name is checked by the action's schema, its errors shown beside the field.
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field } from '~/components/ui/field';
import { NameVersionSchema } from '~/lib/schemas/history';

export function NameVersionForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation('history');
  const answer = useActionData<{ status: string }>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'name-version',
    lastResult,
    constraint: getZodConstraint(NameVersionSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NameVersionSchema }),
  });
  const done = answer?.status === 'done' && navigation.state === 'idle';
  return (
    <section className="panel" aria-labelledby="name-version-heading">
      <h2 id="name-version-heading">{t('nameForm.title')}</h2>
      <p className="muted small">{t('nameForm.lead')}</p>
      <Form method="post" className="row" {...getFormProps(form)} key={done ? 'named' : 'naming'}>
        <input type="hidden" name="intent" value="name" />
        <Field label={t('nameForm.label')} field={fields.name} placeholder={t('nameForm.placeholder')} />
        <div className="field">
          <button type="submit">{t('nameForm.submit')}</button>
        </div>
      </Form>
      <div aria-live="polite">{done ? <p className="notice">{t('nameForm.done')}</p> : null}</div>
    </section>
  );
}
