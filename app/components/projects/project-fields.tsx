// The fields a project is described by (name, status, owner, start date, description), shared by
// the new-project form and the business case's details form so both read and validate alike.
import { getInputProps, getSelectProps, getTextareaProps, useField } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '~/components/ui/field';
import { PROJECT_STATUSES } from '~/domain/vocabulary';

/** Inside a Conform `<FormProvider>` whose schema has these five fields. */
export function ProjectFields({ members, descriptionRows }: { members: readonly { id: string; name: string }[]; descriptionRows: number }) {
  const [name] = useField<string>('name');
  const [status] = useField<string>('status');
  const [ownerId] = useField<string>('ownerId');
  const [startDate] = useField<string>('startDate');
  const [description] = useField<string>('description');
  const fields = { name, status, ownerId, startDate, description };
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  return (
    <>
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
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
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
        <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={descriptionRows} />
        <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
      </div>
    </>
  );
}
