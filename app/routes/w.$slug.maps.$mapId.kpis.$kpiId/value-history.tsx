// A KPI's dated values: a sparkline of them, the history newest first with one form per row (edit its
// date or value, delete it), and the form that adds a value. Every row's form
// has its own id and posts its valueId, and the answer names that row: an error shows beside the row
// that caused it, never under another form.
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { decimalForInput, useMeasureValue } from '~/components/measures/unit';
import { Field, FieldErrors } from '~/components/ui/field';
import { lastResultFor } from '~/lib/action-result';
import { formatDate } from '~/lib/format';
import { kpiValueSchema } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';
import type { Answer, ValueRow } from './data';
import { TableScroll } from '~/components/ui/table-scroll';
import { Sparkline } from '~/components/kpis/sparkline';

function useValueForm(id: string, intent: 'value', rowId: string, answer: Answer, defaultValue: { date?: string; value?: string }) {
  const { workspace } = useWorkspace();
  return useForm({
    id,
    lastResult: lastResultFor(answer, intent, rowId, { resetOnDone: rowId === 'new' }),
    defaultValue,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: kpiValueSchema(workspace.locale) }),
  });
}

export function ValueHistory({ answer, canEdit, values, unit, today }: { answer: Answer; canEdit: boolean; values: ValueRow[]; unit: string; today: string }) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const num = (v: string) => measureValue(v, unit);
  const newestFirst = [...values].reverse();
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('kpi.historyTitle', { count: values.length })}</h3>
      {values.length === 0 ? <p className="muted">{t('kpi.noValues')}</p> : null}
      <Sparkline values={values.map((v) => v.value)} label={t('kpi.sparkline', { count: values.length })} />
      {values.length > 0 ? (
        <TableScroll>
          <table className="data" aria-label={t('kpi.historyTable')}>
            <thead>
              <tr>
                <th>{t('kpi.date')}</th>
                <th className="num">{t('kpi.value')}</th>
                <th>{t('kpi.source')}</th>
                {canEdit ? (
                  <th>
                    <span className="visually-hidden">{t('kpi.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((v) => (
                <tr key={v.id}>
                  <td>{formatDate(v.date, workspace.locale)}</td>
                  <td className="num">{num(v.value)}</td>
                  <td>{t(`source.${v.source}`)}</td>
                  {canEdit ? (
                    <td>
                      <ValueRowForms row={v} answer={answer} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {canEdit ? <AddValueForm answer={answer} today={today} /> : null}
    </section>
  );
}

function ValueRowForms({ row, answer }: { row: ValueRow; answer: Answer }) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const [form, fields] = useValueForm(`value-${row.id}`, 'value', row.id, answer, { date: row.date, value: decimalForInput(row.value, workspace.locale) });
  const date = getInputProps(fields.date, { type: 'date' });
  const value = getInputProps(fields.value, { type: 'text' });
  return (
    <div className="row">
      <Form method="post" preventScrollReset {...getFormProps(form)} className="value-row-form">
        <input type="hidden" name="intent" value="value" />
        <input type="hidden" name="valueId" value={row.id} />
        <input {...date} key={date.key} aria-label={t('kpi.editDate', { date: row.date })} />
        <input {...value} key={value.key} inputMode="decimal" aria-label={t('kpi.editValue', { date: row.date })} />
        <button type="submit" className="secondary small">
          {t('kpi.saveValue')}
        </button>
        <FieldErrors id={fields.date.errorId} errors={fields.date.errors} />
        <FieldErrors id={fields.value.errorId} errors={fields.value.errors} />
      </Form>
      <Form method="post" preventScrollReset className="inline-form">
        <input type="hidden" name="intent" value="delete-value" />
        <input type="hidden" name="valueId" value={row.id} />
        <button type="submit" className="danger small" aria-label={t('kpi.deleteValue', { date: row.date })}>
          {t('kpi.delete')}
        </button>
      </Form>
    </div>
  );
}

function AddValueForm({ answer, today }: { answer: Answer; today: string }) {
  const { t } = useTranslation('measures');
  const [form, fields] = useValueForm('add-value', 'value', 'new', answer, { date: today });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="row settings-section-gap">
      <input type="hidden" name="intent" value="value" />
      <Field label={t('kpi.date')} field={fields.date} type="date" />
      <Field label={t('kpi.value')} field={fields.value} inputMode="decimal" />
      <div className="field shrink">
        <button type="submit" className="secondary">
          {t('kpi.addValue')}
        </button>
      </div>
      <p className="muted small">{t('kpi.sameDateHint')}</p>
    </Form>
  );
}
