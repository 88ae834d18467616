// The current value (newest by date) of every KPI, in the template's format: importing it back
// changes nothing.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { fileReader } from '~/server/i18n.server';
import { kpiExportCsv } from '~/server/kpi-import.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const day = todayIn(workspace.timeZone);
  return new Response(await kpiExportCsv(workspace.id, await fileReader(request, workspace.currency)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kpi-values-${workspace.slug}-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
