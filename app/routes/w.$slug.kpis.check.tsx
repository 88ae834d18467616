// The preview step of the CSV import as JSON, for the import page's upload with a progress bar
// (XMLHttpRequest reports upload progress; fetch does not). Without JavaScript the import page's
// own action does the same.
import type { ActionFunctionArgs } from '@remix-run/node';
import { requireMember } from '~/server/access.server';
import { checkCsvUpload, readCsvUpload } from '~/server/kpi-import.server';

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'editor');
  const { upload } = await readCsvUpload(request);
  if (!upload.ok) return Response.json({ intent: 'preview', error: upload.error }, { status: upload.status });
  const result = await checkCsvUpload(workspace.id, upload.csv, workspace.locale);
  return Response.json(result.body, { status: result.status });
}
