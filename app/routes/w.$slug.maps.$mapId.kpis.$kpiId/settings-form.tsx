// The KPI's one form: its current value (recorded in the history on its date when it changed), target,
// baseline and their dates, what it represents and how its impact is counted. One submit, one
// transaction, saved with the version it was based on: a stale save says so, writes nothing, and the
// panel shows the current settings (the route revalidates on 409).
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { decimalForInput } from '~/components/measures/unit';
import { Field, FieldErrors, FormErrors, SelectField } from '~/components/ui/field';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { kpiSettingsSchema } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';
import type { Answer, KpiRow } from './data';

export function SettingsForm({
  answer,
  saved,
  kpi,
  current,
  today,
}: {
  answer: Answer;
  /** The last save of these settings landed (and nothing changed them since). */
  saved: boolean;
  kpi: KpiRow;
  current: string | null;
  today: string;
}) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const plain = (v: string | null) => decimalForInput(v, workspace.locale);
  const mine = answerFor(answer, 'settings');
  const stale = mine?.status === 'stale';
  const [form, fields] = useForm({
    id: `kpi-settings-${kpi.version}`,
    lastResult: stale ? undefined : lastResultFor(answer, 'settings'),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: kpiSettingsSchema(workspace.locale) }),
    defaultValue: {
      currentValue: plain(current),
      currentDate: today,
      note: kpi.note,
      baselineValue: plain(kpi.baselineValue),
      baselineDate: kpi.baselineDate ?? undefined,
      targetValue: plain(kpi.targetValue),
      targetDate: kpi.targetDate ?? undefined,
      impactMode: kpi.impactMode,
      manualAmount: plain(kpi.manualAmount),
    },
  });
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h3 id="settings-heading">{t('kpi.settingsTitle')}</h3>
      {saved && !stale ? (
        <p className="notice" role="status">
          {t('kpi.saved')}
        </p>
      ) : null}
      <Form method="post" preventScrollReset {...getFormProps(form)}>
        {stale ? <FormErrors errors={['staleVersion']} /> : <FormErrors errors={form.errors} />}
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="version" value={kpi.version} />
        <div className="row">
          <Field label={t('kpi.currentValue')} field={fields.currentValue} inputMode="decimal" />
          <Field label={t('kpi.currentDate')} field={fields.currentDate} type="date" />
        </div>
        <p className="muted small">{t('kpi.currentHint')}</p>
        <div className="row">
          <Field label={t('kpi.targetValue')} field={fields.targetValue} inputMode="decimal" />
          <Field label={t('kpi.targetDate')} field={fields.targetDate} type="date" />
        </div>
        <div className="row">
          <Field label={t('kpi.baselineValue')} field={fields.baselineValue} inputMode="decimal" />
          <Field label={t('kpi.baselineDate')} field={fields.baselineDate} type="date" />
        </div>
        <div className="field">
          <label htmlFor={fields.note.id}>{t('kpi.note')}</label>
          <textarea {...getTextareaProps(fields.note)} rows={2} />
          <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <div className="row">
          <SelectField
            label={t('kpi.impactMode')}
            field={fields.impactMode}
            options={[
              { value: 'auto', label: t('impact.auto') },
              { value: 'manual', label: t('impact.manual') },
            ]}
          />
          <Field label={t('kpi.manualAmount')} field={fields.manualAmount} inputMode="decimal" />
        </div>
        <button type="submit">{t('kpi.saveSettings')}</button>
      </Form>
    </section>
  );
}
