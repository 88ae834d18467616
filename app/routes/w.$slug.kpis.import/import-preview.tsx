// What an import would do (or did): counts, every error by line and column, and the confirm form
// that posts the checked CSV back.
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormErrors } from '~/components/ui/field';
import { KPI_CSV_HEADERS } from '~/domain/kpi-csv';
import { isLanguage } from '~/lib/i18n';
import { formatDate, formatNumber } from '~/lib/format';
import { KpiCsvImportSchema } from '~/lib/schemas/kpis';
import { useWorkspace } from '~/lib/workspace';
import type { checkCsvUpload } from '~/server/kpi-import.server';
import { TableScroll } from '~/components/ui/table-scroll';

type Preview = Awaited<ReturnType<typeof checkCsvUpload>>['preview'];

export function ImportPreview({ preview, imported, csv }: { preview: Preview; imported: boolean; csv: string | null }) {
  const { t, i18n } = useTranslation('imports');
  const { workspace } = useWorkspace();
  const n = (v: number) => formatNumber(v, workspace.locale);
  // Columns by the header the reader's template has ("valeur" in French).
  const headers = KPI_CSV_HEADERS[isLanguage(i18n.language) ? i18n.language : 'en'];
  return (
    <section className="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{imported ? t('doneTitle') : t('previewTitle')}</h2>
      <p role="status" data-testid="import-summary">
        {t(imported ? 'done' : preview.errorCount > 0 ? 'rowsChecked' : 'summary', {
          count: preview.rows,
          rows: n(preview.rows),
          created: n(preview.created),
          updated: n(preview.updated),
          unchanged: n(preview.unchanged),
          skipped: n(preview.skipped),
          targets: n(preview.targets),
        })}
      </p>
      {preview.errorCount > 0 ? (
        <>
          <p className="form-errors" role="alert">
            {t('invalid', { count: preview.errorCount })}
          </p>
          <TableScroll>
            <table className="data import-errors">
              <caption className="visually-hidden">{t('errorsCaption')}</caption>
              <thead>
                <tr>
                  <th className="num">{t('line')}</th>
                  <th>{t('column')}</th>
                  <th>{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="num">{e.line || '—'}</td>
                    <td>{e.column ? headers[e.column] : '—'}</td>
                    <td>{t(`error.${e.code}`, { value: e.value ?? '' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {preview.errorCount > preview.errors.length ? (
            <p className="muted">{t('moreErrors', { count: preview.errorCount - preview.errors.length })}</p>
          ) : null}
        </>
      ) : null}
      {preview.errorCount === 0 && preview.sample.length > 0 ? (
        <TableScroll>
          <table className="data import-sample">
            <caption>{t(imported ? 'sampleDone' : 'sample', { count: preview.sample.length })}</caption>
            <thead>
              <tr>
                <th className="num">{t('line')}</th>
                <th>{t('measure')}</th>
                <th>{t('where')}</th>
                <th>{t('date')}</th>
                <th className="num">{t('value')}</th>
                <th>{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.line}>
                  <td className="num">{row.line}</td>
                  <td>{row.measure || '—'}</td>
                  <td>{[row.map, row.stage].filter(Boolean).join(' · ') || '—'}</td>
                  <td>{formatDate(row.date, workspace.locale)}</td>
                  <td className="num">{formatNumber(row.value, workspace.locale)}</td>
                  <td>{t(`changeKind.${row.change}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {csv ? <ConfirmForm csv={csv} count={preview.created + preview.updated} /> : null}
    </section>
  );
}

function ConfirmForm({ csv, count }: { csv: string; count: number }) {
  const { t } = useTranslation('imports');
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formAction?.endsWith('/kpis/import');
  const [form] = useForm({ id: 'kpi-import-confirm', onValidate: ({ formData }) => parseWithZod(formData, { schema: KpiCsvImportSchema }) });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="import" />
      <textarea name="csv" value={csv} hidden readOnly aria-hidden="true" />
      <button type="submit" disabled={busy}>
        {t('confirm', { count })}
      </button>
    </Form>
  );
}
