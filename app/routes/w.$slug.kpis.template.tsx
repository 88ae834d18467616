// The CSV template of KPI values: one row per KPI of the workspace, date and value to fill in.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireMember } from '~/server/access.server';
import { fileReader } from '~/server/i18n.server';
import { kpiTemplateCsv } from '~/server/kpi-import.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  return new Response(await kpiTemplateCsv(workspace.id, await fileReader(request, workspace.currency)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kpi-template-${workspace.slug}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
