// CSV import of KPI values, in two steps that work without JavaScript: upload -> preview (every
// error by line and column; nothing written), then confirm -> everything in one transaction. With
// JavaScript the upload goes through XMLHttpRequest to the check route, to show its progress.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors } from '~/components/ui/field';
import { formatNumber } from '~/lib/format';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import { checkCsvUpload, importCsvUpload, readCsvUpload } from '~/server/kpi-import.server';
import { countKpis } from '~/server/kpis.server';
import measuresStyles from '~/styles/measures.css?url';
import { useWorkspace } from '~/lib/workspace';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  return { kpiCount: await countKpis(workspace.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const { intent, upload } = await readCsvUpload(request);
  if (intent !== null && intent !== 'preview' && intent !== 'import') throw badRequest();
  if (!upload.ok) return data({ intent: intent ?? 'preview', error: upload.error }, { status: upload.status });
  const result =
    intent === 'import'
      ? await importCsvUpload(workspace.id, user.id, upload.csv, workspace.locale)
      : await checkCsvUpload(workspace.id, upload.csv, workspace.locale);
  return data(result.body, { status: result.status });
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
  const { progress, checked, uploadError, upload } = useUploadWithProgress(`${base}/kpis/check`);
  // A newer Remix submission (the confirm step) replaces what the upload showed.
  useEffect(() => upload.reset(), [actionData, upload]);
  const result = checked ?? actionData;
  const preview = result && 'preview' in result ? result.preview : null;
  const imported = Boolean(result && 'imported' in result);
  const csv = result && 'csv' in result ? result.csv : null;
  const errorKey = uploadError ?? (actionData && 'error' in actionData ? actionData.error : null);
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
          {errorKey ? <FormErrors errors={[errorKey]} /> : null}
          <Form method="post" encType="multipart/form-data" className="row" onSubmit={upload.submit}>
            <input type="hidden" name="intent" value="preview" />
            <div className="field">
              <label htmlFor="kpi-file">{t('import.file')}</label>
              <input id="kpi-file" type="file" name="file" accept=".csv,text/csv" required aria-describedby="kpi-file-hint" />
              <p className="field-hint" id="kpi-file-hint">
                {t('import.fileHint')}
              </p>
            </div>
            <div className="field shrink">
              <button type="submit" disabled={busy || progress !== null}>
                {t('import.check')}
              </button>
            </div>
          </Form>
          {progress !== null ? (
            <div className="import-progress" role="status">
              {progress < 100 ? (
                <>
                  <progress max={100} value={progress} aria-label={t('import.uploading', { percent: progress })} />
                  <span>{t('import.uploading', { percent: progress })}</span>
                </>
              ) : (
                <>
                  <progress aria-label={t('import.checking')} />
                  <span>{t('import.checking')}</span>
                </>
              )}
            </div>
          ) : busy ? (
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
          <h2 id="preview-heading">{imported ? t('import.doneTitle') : t('import.previewTitle')}</h2>
          <p role="status" data-testid="import-summary">
            {t(imported ? 'import.done' : preview.errorCount > 0 ? 'import.rowsChecked' : 'import.summary', {
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
          {canEdit && csv ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="import" />
              <textarea name="csv" value={csv} hidden readOnly aria-hidden="true" />
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

/** What the preview step answers (read as JSON by the upload request), as the server module builds it. */
type CheckResult = Awaited<ReturnType<typeof checkCsvUpload>>['body'];

const STATUS_ERRORS: Record<number, string> = { 403: 'forbidden', 404: 'notFound', 413: 'measures.fileTooLarge' };

/** Posts the upload form with XMLHttpRequest, which reports upload progress (0-100, then checking). */
function useUploadWithProgress(url: string) {
  const [progress, setProgress] = useState<number | null>(null);
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [upload] = useState(() => ({
    reset: () => {
      setChecked(null);
      setUploadError(null);
    },
    submit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.responseType = 'json';
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) setProgress(Math.min(99, Math.round((e.loaded * 100) / e.total)));
      };
      xhr.upload.onload = () => setProgress(100);
      xhr.onload = () => {
        setProgress(null);
        const body = xhr.response as Partial<CheckResult> & { error?: string } | null;
        if (body?.preview) setChecked(body as CheckResult);
        else setUploadError(body?.error ?? STATUS_ERRORS[xhr.status] ?? 'badRequest');
      };
      xhr.onerror = () => {
        setProgress(null);
        setUploadError('badRequest');
      };
      setChecked(null);
      setUploadError(null);
      setProgress(0);
      xhr.send(new FormData(event.currentTarget));
    },
  }));
  return { progress, checked, uploadError, upload };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
