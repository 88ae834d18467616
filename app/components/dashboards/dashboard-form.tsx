// The form of a dashboard's details (name, audience, custom audience name, shared), for a new one
// and for editing one; the same zod schema checks it here and in the action.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FieldErrors, FormErrors } from '~/components/ui/field';
import { DASHBOARD_AUDIENCES, type DashboardAudience } from '~/domain/vocabulary';
import { DashboardCreateSchema, DashboardUpdateSchema } from '~/lib/schemas/dashboards';

interface Defaults {
  name: string;
  audience: DashboardAudience;
  customAudience: string | null;
  shared: boolean;
}

export function DashboardForm({
  id,
  intent,
  version,
  defaults,
  lastResult,
  formErrors,
  submitLabel,
}: {
  id: string;
  intent: 'create' | 'update';
  version?: number;
  defaults?: Defaults;
  lastResult?: SubmissionResult<string[]>;
  formErrors?: string[];
  submitLabel: string;
}) {
  const { t } = useTranslation('indicators');
  const schema = intent === 'create' ? DashboardCreateSchema : DashboardUpdateSchema;
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults
      ? { name: defaults.name, audience: defaults.audience, customAudience: defaults.customAudience ?? '', shared: defaults.shared ? 'on' : undefined }
      : { audience: 'top_management' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const customHint = `${fields.customAudience.id}-hint`;
  const sharedHint = `${fields.shared.id}-hint`;
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={formErrors} />
      <FormErrors errors={form.errors} />
      <div className="dashboard-form">
        <Field label={t('dashboards.name')} field={fields.name} />
        <div className="field">
          <label htmlFor={fields.audience.id}>{t('dashboards.audience')}</label>
          <select {...getSelectProps(fields.audience)} key={fields.audience.key}>
            {DASHBOARD_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`audience.${a}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.audience.errorId} errors={fields.audience.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.customAudience.id}>{t('dashboards.customAudience')}</label>
          <input {...getInputProps(fields.customAudience, { type: 'text', ariaDescribedBy: customHint })} key={fields.customAudience.key} />
          <p className="field-hint" id={customHint}>
            {t('dashboards.customHint')}
          </p>
          <FieldErrors id={fields.customAudience.errorId} errors={fields.customAudience.errors} />
        </div>
        <div className="field checkbox">
          <label>
            <input {...getInputProps(fields.shared, { type: 'checkbox', value: 'on', ariaDescribedBy: sharedHint })} key={fields.shared.key} />{' '}
            {t('dashboards.shared')}
          </label>
          <p className="field-hint" id={sharedHint}>
            {t('dashboards.sharedHint')}
          </p>
          <FieldErrors id={fields.shared.errorId} errors={fields.shared.errors} />
        </div>
        <div className="form-actions">
          <button type="submit">{submitLabel}</button>
        </div>
      </div>
    </Form>
  );
}
