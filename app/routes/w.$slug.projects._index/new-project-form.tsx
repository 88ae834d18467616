// The form for a new project (editors): name, status, owner, start date, description.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import { lastResultFor, type ActionReply } from '~/lib/action-reply';
import { ProjectCreateSchema } from '~/lib/schemas/projects';
import { useWorkspace } from '~/lib/workspace';

export function NewProjectForm({ members, reply }: { members: readonly { id: string; name: string }[]; reply?: ActionReply }) {
  const { user } = useWorkspace();
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const [form, fields] = useForm({
    id: 'new-project',
    lastResult: lastResultFor(reply, 'create'),
    defaultValue: { status: 'idea', ownerId: user.id },
    constraint: getZodConstraint(ProjectCreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProjectCreateSchema }),
    shouldValidate: 'onBlur',
  });
  return (
    <section className="panel" aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">{t('list.new')}</h2>
      <p className="muted">{t('list.newLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
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
            <FieldErrors id={fields.status.errorId} errors={fields.status.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.ownerId.id}>{t('fields.owner')}</label>
            <select {...getSelectProps(fields.ownerId)} key={fields.ownerId.key}>
              <option value="">{t('noOwner')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
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
          <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={2} />
          <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <button type="submit">{t('list.create')}</button>
      </Form>
    </section>
  );
}
