// The preview step of the CSV import as JSON, for the import page's upload with a progress bar
// (XMLHttpRequest reports upload progress; fetch does not). Without JavaScript the import page's
// own action does the same.
import type { ActionFunctionArgs } from '@remix-run/node';
import { requireMember } from '~/server/access.server';
import { checkCsvUpload } from '~/server/kpi-import.server';
import { readCsvUpload, refusedUpload } from './w.$slug.kpis.import/upload.server';

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'editor');
  const upload = await readCsvUpload(request);
  if ('status' in upload) return Response.json(refusedUpload(upload, 'preview'), { status: upload.status });
  const checked = await checkCsvUpload(workspace.id, upload.csv, workspace.locale);
  const valid = checked.csv !== null;
  return Response.json({ intent: 'preview', status: valid ? 'done' : 'invalid', ...checked }, { status: valid ? 200 : 400 });
}
