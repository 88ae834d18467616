// The project's details (name, status, owner, start date, description), versioned like the
// assumptions: a save based on an old version is refused and the page shows the current content.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { PROJECT_STATUSES, type ProjectStatus } from '~/domain/vocabulary';
import { lastResultFor, type ActionReply } from '~/lib/action-reply';
import { ProjectDetailsSchema } from '~/lib/schemas/projects';

export interface DetailsProject {
  name: string;
  description: string;
  ownerId: string | null;
  status: ProjectStatus;
  startDate: string | null;
  version: number;
}

export function DetailsForm({ p, members, reply }: { p: DetailsProject; members: readonly { id: string; name: string }[]; reply?: ActionReply }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const [form, fields] = useForm({
    id: `details-${p.version}`,
    lastResult: lastResultFor(reply, 'details'),
    defaultValue: { name: p.name, description: p.description, ownerId: p.ownerId ?? '', status: p.status, startDate: p.startDate ?? '' },
    constraint: getZodConstraint(ProjectDetailsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProjectDetailsSchema }),
    shouldValidate: 'onBlur',
  });
  return (
    <section className="panel no-print" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details.title')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="details" />
        <input type="hidden" name="version" value={p.version} />
        <FormErrors errors={form.errors} />
        <div className="row">
          <div className="field">
            <label htmlFor={fields.name.id}>{t('fields.name')}</label>
            <input {...getInputProps(fields.name, { type: 'text' })} key={fields.name.key} />
            <FieldErrors id={fields.name.errorId} errors={fields.name.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.status.id}>{t('fields.status')}</label>
            <select {...getSelectProps(fields.status)} key={fields.status.key}>
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tc(`projectStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fields.ownerId.id}>{t('fields.owner')}</label>
            <select {...getSelectProps(fields.ownerId)} key={fields.ownerId.key}>
              <option value="">{t('noOwner')}</option>
              {members.map((mb) => (
                <option key={mb.id} value={mb.id}>
                  {mb.name}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.ownerId.errorId} errors={fields.ownerId.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.startDate.id}>{t('fields.startDate')}</label>
            <input {...getInputProps(fields.startDate, { type: 'date' })} key={fields.startDate.key} />
            <FieldErrors id={fields.startDate.errorId} errors={fields.startDate.errors} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={fields.description.id}>{t('fields.description')}</label>
          <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={3} />
          <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <button type="submit">{t('details.save')}</button>
      </Form>
    </section>
  );
}
