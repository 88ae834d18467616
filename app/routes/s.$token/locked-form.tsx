// The password form of a protected share link. A wrong password is said beside the field; too many
// from one network for this link, above the form (429).
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FormErrors } from '~/components/ui/field';
import { UnlockShareLinkSchema } from '~/lib/schemas/share-links';

export function LockedForm() {
  const { t } = useTranslation('share');
  const answer = useActionData<{ result?: SubmissionResult<string[]> }>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'unlock-share-link',
    lastResult: answer?.result,
    constraint: getZodConstraint(UnlockShareLinkSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UnlockShareLinkSchema }),
  });
  return (
    <section className="panel shared-locked" aria-labelledby="locked-heading">
      <h1 id="locked-heading">{t('page.locked.title')}</h1>
      <p>{t('page.locked.lead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t('page.locked.password')} field={fields.password} type="password" autoComplete="current-password" autoFocus />
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('page.locked.submit')}
        </button>
      </Form>
    </section>
  );
}
