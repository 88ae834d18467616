// The executive ROI summary as a CSV file (resource route), with the same filter and order as the
// page and every project (not one page): streamed in chunks of rows, then the portfolio totals.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { summaryCsvHeader, summaryCsvProjectRow, summaryCsvTotalRows } from '~/domain/business-case';
import { summaryQuery } from '~/lib/schemas/projects';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { summaryCsvLabels } from '~/server/business-cases.server';
import { csvStream, inChunks } from '~/server/csv-stream.server';
import { i18nServer } from '~/server/i18n.server';
import { loadSummaryExport } from '~/server/portfolio.server';

/** Projects per written chunk. */
const CHUNK_ROWS = 250;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const { sort, status } = summaryQuery(new URL(request.url).searchParams);
  const { projects, totals } = await loadSummaryExport(workspace.id, { sort, status, today: todayIn(workspace.timeZone), revision: workspace.figuresRevision });
  const labels = summaryCsvLabels(await i18nServer.getFixedT(request, ['projects', 'common']));
  const locale = (await i18nServer.getLocale(request)) === 'fr' ? 'fr' : 'en';
  function* rows() {
    yield [summaryCsvHeader(labels)];
    for (const chunk of inChunks(projects, CHUNK_ROWS)) yield chunk.map((p) => summaryCsvProjectRow(p, labels));
    yield summaryCsvTotalRows(totals, labels);
  }
  return new Response(csvStream(rows(), { bom: true, locale }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="roi-summary-${workspace.slug}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
