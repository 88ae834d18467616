// CSV import of KPI values, in two steps that work without JavaScript: upload -> preview (every
// error by line and column; nothing written), then confirm -> everything in one transaction.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors } from '~/components/ui/field';
import { formatNumber } from '~/lib/format';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import { MAX_IMPORT_BYTES, applyKpiImport, previewKpiImport } from '~/server/kpi-import.server';
import { countKpis } from '~/server/kpis.server';
import measuresStyles from '~/styles/measures.css?url';
import { useWorkspace } from './w.$slug';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

/** Errors shown in the preview; the count says how many more there are. */
const SHOWN_ERRORS = 300;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  return { kpiCount: await countKpis(workspace.id) };
}

const TOO_LARGE = 'too large';

async function readCsv(formData: FormData): Promise<string | null | typeof TOO_LARGE> {
  const file = formData.get('file');
  if (file instanceof File && file.size > 0) return file.size > MAX_IMPORT_BYTES ? TOO_LARGE : file.text();
  const text = formData.get('csv');
  if (typeof text === 'string' && text.trim() !== '') return text.length > MAX_IMPORT_BYTES ? TOO_LARGE : text;
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  // Refuse oversized uploads before reading the body (the form adds a little around the file).
  const length = Number(request.headers.get('Content-Length') ?? '0');
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return data({ intent: 'preview', error: 'measures.fileTooLarge' as const }, { status: 413 });
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (intent !== 'preview' && intent !== 'import') throw badRequest();
  const csv = await readCsv(formData);
  if (csv === TOO_LARGE) return data({ intent, error: 'measures.fileTooLarge' as const }, { status: 413 });
  if (csv === null) return data({ intent, error: 'measures.fileRequired' as const }, { status: 400 });
  if (intent === 'preview') {
    const preview = await previewKpiImport(workspace.id, csv, workspace.locale);
    const ok = preview.errors.length === 0;
    return data(
      { intent, preview: { ...preview, errors: preview.errors.slice(0, SHOWN_ERRORS), errorCount: preview.errors.length }, csv: ok ? csv : null },
      { status: ok ? 200 : 400 },
    );
  }
  const outcome = await applyKpiImport(workspace.id, user.id, csv, workspace.locale);
  const preview = { ...outcome.preview, errors: outcome.preview.errors.slice(0, SHOWN_ERRORS), errorCount: outcome.preview.errors.length };
  if (!outcome.ok) return data({ intent, preview, csv: null }, { status: 400 });
  return { intent, preview, imported: true as const, csv: null };
}

export default function KpiImportPage() {
  const { kpiCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('measures');
  const base = `/w/${workspace.slug}`;
  const busy = navigation.state === 'submitting' && navigation.formAction?.endsWith('/kpis/import');
  const busyIntent = busy ? navigation.formData?.get('intent') : null;
  const preview = actionData && 'preview' in actionData ? actionData.preview : null;
  const n = (v: number) => formatNumber(v, workspace.locale);
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`${base}/measures`}>← {t('library.title')}</Link>
          </p>
          <h1>{t('import.title')}</h1>
          <p>{t('import.lead')}</p>
        </div>
      </div>

      <section className="panel" aria-labelledby="download-heading">
        <h2 id="download-heading">{t('import.downloadTitle')}</h2>
        <p>{t('import.downloadLead', { count: kpiCount })}</p>
        <div className="row">
          <a href={`${base}/kpis/template`} className="button secondary" download>
            {t('import.template')}
          </a>
          <a href={`${base}/kpis/export`} className="button secondary" download>
            {t('import.export')}
          </a>
        </div>
        <p className="muted small">{t('import.columns')}</p>
      </section>

      {canEdit ? (
        <section className="panel" aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t('import.uploadTitle')}</h2>
          {actionData && 'error' in actionData ? <FormErrors errors={[actionData.error]} /> : null}
          <Form method="post" encType="multipart/form-data" className="row">
            <input type="hidden" name="intent" value="preview" />
            <div className="field">
              <label htmlFor="kpi-file">{t('import.file')}</label>
              <input id="kpi-file" type="file" name="file" accept=".csv,text/csv" required aria-describedby="kpi-file-hint" />
              <p className="field-hint" id="kpi-file-hint">
                {t('import.fileHint')}
              </p>
            </div>
            <div className="field shrink">
              <button type="submit" disabled={busy}>
                {t('import.check')}
              </button>
            </div>
          </Form>
          {busy ? (
            <div className="import-progress" role="status">
              <progress aria-label={t(busyIntent === 'import' ? 'import.importing' : 'import.checking')} />
              <span>{t(busyIntent === 'import' ? 'import.importing' : 'import.checking')}</span>
            </div>
          ) : null}
        </section>
      ) : (
        <p className="muted">{t('import.readOnly')}</p>
      )}

      {preview ? (
        <section className="panel" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{actionData && 'imported' in actionData ? t('import.doneTitle') : t('import.previewTitle')}</h2>
          <p role="status" data-testid="import-summary">
            {t(actionData && 'imported' in actionData ? 'import.done' : 'import.summary', {
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
                {t('import.invalid', { count: preview.errorCount })}
              </p>
              <table className="data import-errors">
                <caption className="visually-hidden">{t('import.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th className="num">{t('import.line')}</th>
                    <th>{t('import.column')}</th>
                    <th>{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={i}>
                      <td className="num">{e.line || '—'}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{t(`import.error.${e.code}`, { value: e.value ?? '' })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.errorCount > preview.errors.length ? (
                <p className="muted">{t('import.moreErrors', { count: preview.errorCount - preview.errors.length })}</p>
              ) : null}
            </>
          ) : null}
          {canEdit && actionData && 'csv' in actionData && actionData.csv ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="import" />
              <textarea name="csv" defaultValue={actionData.csv} hidden readOnly aria-hidden="true" />
              <button type="submit" disabled={busy}>
                {t('import.confirm', { count: preview.created + preview.updated })}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
