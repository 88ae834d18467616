// CSV import of KPI values, in two steps that work without JavaScript: upload -> preview (every
// error by line and column; nothing written), then confirm -> everything in one transaction. With
// JavaScript the upload goes through XMLHttpRequest to the check route, to show its progress.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { KpiCsvIntentSchema } from '~/lib/schemas/kpis';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import { checkCsvUpload, importCsvUpload } from '~/server/kpi-import.server';
import { countKpis } from '~/server/kpis.server';
import measuresStyles from '~/styles/measures.css?url';
import { ImportPreview } from './import-preview';
import { UploadForm, useUploadWithProgress } from './upload-form';
import { readCsvUpload, refusedUpload } from './upload.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'kpiImport');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

export const handle = { i18n: ['imports', 'library'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  return { kpiCount: await countKpis(workspace.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const upload = await readCsvUpload(request);
  const parsed = KpiCsvIntentSchema.safeParse(upload.intent ?? 'preview');
  if (!parsed.success) throw badRequest();
  const intent = parsed.data;
  if ('status' in upload) return data(refusedUpload(upload, intent), { status: upload.status });
  if (intent === 'import') {
    const done = await importCsvUpload(workspace.id, user.id, upload.csv, workspace.locale);
    return data(
      { intent, status: done.imported ? ('done' as const) : ('invalid' as const), message: null, imported: done.imported, preview: done.preview, csv: null },
      { status: done.imported ? 200 : 400 },
    );
  }
  const checked = await checkCsvUpload(workspace.id, upload.csv, workspace.locale);
  const valid = checked.csv !== null;
  return data({ intent, status: valid ? ('done' as const) : ('invalid' as const), message: null, ...checked }, { status: valid ? 200 : 400 });
}

export default function KpiImportPage() {
  const { kpiCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('imports');
  const base = `/w/${workspace.slug}`;
  const uploader = useUploadWithProgress(`${base}/kpis/check`);
  // A newer Remix submission (the confirm step) replaces what the upload showed.
  const reset = uploader.upload.reset;
  useEffect(() => reset(), [actionData, reset]);
  const result = uploader.checked ?? actionData;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`${base}/measures`}>← {t('library:library.title')}</Link>
          </p>
          <h1>{t('title')}</h1>
          <p>{t('lead')}</p>
        </div>
      </div>

      <section className="panel" aria-labelledby="download-heading">
        <h2 id="download-heading">{t('downloadTitle')}</h2>
        <p>{t('downloadLead', { count: kpiCount })}</p>
        <div className="row">
          <a href={`${base}/kpis/template`} className="button secondary" download>
            {t('template')}
          </a>
          <a href={`${base}/kpis/export`} className="button secondary" download>
            {t('export')}
          </a>
        </div>
        <p className="muted small">{t('columns')}</p>
      </section>

      {canEdit ? <UploadForm uploader={uploader} refusal={uploader.uploadError ?? actionData?.message ?? null} /> : <p className="muted">{t('readOnly')}</p>}

      {result?.preview ? (
        <ImportPreview preview={result.preview} imported={result.intent === 'import' && result.status === 'done'} csv={canEdit ? result.csv : null} />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
