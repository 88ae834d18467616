// The executive ROI summary as a CSV file (resource route), with the same filter and order as the page.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { summaryCsvRows } from '~/domain/business-case';
import { toCsv } from '~/domain/csv';
import { summaryQuery } from '~/lib/schemas/projects';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { summaryCsvLabels } from '~/server/business-cases.server';
import { i18nServer } from '~/server/i18n.server';
import { loadPortfolio } from '~/server/portfolio.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const query = summaryQuery(new URL(request.url).searchParams);
  const portfolio = await loadPortfolio(workspace.id, { ...query, today: todayIn(workspace.timeZone) });
  const t = await i18nServer.getFixedT(request, ['projects', 'common']);
  return new Response(
    toCsv(summaryCsvRows(portfolio, summaryCsvLabels(t)), { bom: true, locale: (await i18nServer.getLocale(request)) === 'fr' ? 'fr' : 'en' }),
    {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="roi-summary-${workspace.slug}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    },
  );
}
