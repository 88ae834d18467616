// The form that adds a webhook: its URL and the events to send (checked against the action's schema).
import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FieldErrors } from '~/components/ui/field';
import { WEBHOOK_EVENTS } from '~/domain/vocabulary';
import { CreateWebhookSchema } from '~/lib/schemas/webhooks';

export function CreateWebhookForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation('webhooks');
  const [form, fields] = useForm({
    id: 'create-webhook',
    lastResult,
    defaultValue: { events: [...WEBHOOK_EVENTS] },
    constraint: getZodConstraint(CreateWebhookSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateWebhookSchema }),
  });
  const events = getCollectionProps(fields.events, { type: 'checkbox', options: [...WEBHOOK_EVENTS] });
  return (
    <section className="panel" aria-labelledby="create-webhook-heading">
      <h2 id="create-webhook-heading">{t('create')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <Field label={t('url')} field={fields.url} type="url" hint={t('urlHint')} placeholder="https://" />
        <fieldset className="field" aria-describedby={fields.events.errors?.length ? fields.events.errorId : undefined}>
          <legend>{t('events')}</legend>
          {events.map((props) => (
            <label key={props.key} className="checkbox">
              <input {...props} key={props.key} /> {t(`eventNames.${props.value}`)}
            </label>
          ))}
          <FieldErrors id={fields.events.errorId} errors={fields.events.errors} />
        </fieldset>
        <div className="field">
          <button type="submit">{t('createButton')}</button>
        </div>
      </Form>
    </section>
  );
}
