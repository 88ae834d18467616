// The business case of one project as a CSV file (resource route).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { businessCaseCsvRows } from '~/domain/business-case';
import { csvFileName, toCsv } from '~/domain/csv';
import { IdSchema } from '~/lib/schemas/projects';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { caseCsvLabels } from '~/server/business-cases.server';
import { i18nServer } from '~/server/i18n.server';
import { loadBusinessCase } from '~/server/projects.server';
import { valueOr404 } from '~/server/result.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const projectId = IdSchema.safeParse(params.projectId);
  const loaded = valueOr404(projectId.success ? await loadBusinessCase(workspace.id, projectId.data, todayIn(workspace.timeZone)) : { status: 'notFound' });
  const t = await i18nServer.getFixedT(request, 'projects');
  const p = loaded.project;
  const rows = businessCaseCsvRows(
    {
      name: p.name,
      assumptions: { horizonYears: p.horizonYears, discountRate: p.discountRate, confidence: p.confidence, rampUp: p.rampUp },
      businessCase: loaded.businessCase,
      lines: loaded.lines,
    },
    caseCsvLabels(t),
  );
  return new Response(toCsv(rows, { bom: true, locale: (await i18nServer.getLocale(request)) === 'fr' ? 'fr' : 'en' }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(p.name)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
