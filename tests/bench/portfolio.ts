// The executive summary's benchmark portfolios, made over HTTP like a person would, in a new
// account's workspace: maps imported as JSON documents (2,000 KPIs each at most, with a year of
// values: the import path), then projects created on the projects page, each with a one-off cost,
// and every KPI linked to one project (a fifth of the links at 50 %). The sizes of the budgets:
// 30 projects / 500 linked KPIs, 300 / 5,000 and 3,000 / 50,000; a smoke run makes two tiny ones.
// Writes go through the actions' single-fetch endpoints (`<path>.data`), a few at a time, so no
// page is rendered for them. That takes ~60 ms a link on a loaded 2-core machine (50,000 links:
// most of an hour), so with BENCH_DATABASE_URL (the database the server runs on, PostgreSQL) the
// projects, costs and links are written there in one transaction, as a bulk import would, and the
// tables analysed after it, as the app does after its imports; maps and KPIs still come over HTTP.
import { createApiTokenOverHttp, createWorkspaceOverHttp, importMapOverHttp, signUpOverHttp } from '../support/http-client';
import postgres from 'postgres';
import { largeMapDocument } from './large-map';

export interface PortfolioShape {
  projects: number;
  kpis: number;
}

/** The budgets' portfolios (smallest first). */
export const PORTFOLIOS: readonly PortfolioShape[] = [
  { projects: 30, kpis: 500 },
  { projects: 300, kpis: 5_000 },
  { projects: 3_000, kpis: 50_000 },
];
/** Two tiny portfolios: the smoke run only checks that everything runs. */
export const SMOKE_PORTFOLIOS: readonly PortfolioShape[] = [
  { projects: 3, kpis: 12 },
  { projects: 6, kpis: 24 },
];

export interface Portfolio extends PortfolioShape {
  cookie: string;
  slug: string;
  /** /w/<slug>/summary */
  summaryPath: string;
}

const KPIS_PER_MAP = 2_000;
const CONCURRENCY = 6;
const STATUSES = ['idea', 'planned', 'in_progress', 'delivered'] as const;

/** Runs `task` over `items`, `CONCURRENCY` at a time. */
async function pool<T>(items: readonly T[], task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i]!, i);
      }
    }),
  );
}

/** A form POST to an action's single-fetch endpoint; returns the redirect target, if any. */
async function postAction(base: string, cookie: string, path: string, form: Record<string, string>, index = false) {
  const url = new URL(`${path}.data${index ? '?index' : ''}`, base);
  const res = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams(form),
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: url.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const text = await res.text();
  // Single fetch answers a redirect as 202 with it in the (turbo-stream) body; a refused write
  // answers 4xx, or 200 with the form's errors.
  if (res.status >= 400 || /"(?:fieldErrors|error)"/.test(text)) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return res.status === 202 ? (/"redirect","([^"]+)"/.exec(text)?.[1] ?? null) : null;
}

/** Every KPI id of the workspace, through the API (500 a page). */
async function kpiIds(base: string, secret: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${base}/api/v1/kpis?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    if (res.status !== 200) throw new Error(`GET /api/v1/kpis answered ${res.status}`);
    const page = (await res.json()) as { data: { id: string }[]; nextCursor?: string | null };
    ids.push(...page.data.map((k) => k.id));
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return ids;
}

export async function createPortfolio(base: string, shape: PortfolioShape, log: (line: string) => void = () => {}): Promise<Portfolio> {
  const started = performance.now();
  const { cookie } = await signUpOverHttp(base, 'Benchmark');
  const slug = await createWorkspaceOverHttp(base, cookie, {
    name: `Portefeuille ${shape.projects} ${Date.now().toString(36)}`,
    currency: 'EUR',
    locale: 'fr',
  });
  for (let done = 0, m = 1; done < shape.kpis; done += KPIS_PER_MAP, m++) {
    const kpis = Math.min(KPIS_PER_MAP, shape.kpis - done);
    await importMapOverHttp(base, cookie, slug, JSON.stringify(largeMapDocument({ cards: 20, kpis, name: `Portefeuille — carte ${m}` })));
  }
  const secret = await createApiTokenOverHttp(base, cookie, slug, 'Benchmark', 'read');
  const kpis = await kpiIds(base, secret);
  if (kpis.length !== shape.kpis) throw new Error(`expected ${shape.kpis} KPIs, found ${kpis.length}`);
  log(`  ${shape.kpis} KPIs imported (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) {
    await writeProjectsInDatabase(databaseUrl, slug, shape.projects, kpis);
    log(`  ${shape.projects} projects, their costs and ${shape.kpis} links written in the database (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    return { ...shape, cookie, slug, summaryPath: `/w/${slug}/summary` };
  }
  const projectIds: string[] = new Array(shape.projects);
  await pool(
    Array.from({ length: shape.projects }, (_, i) => i),
    async (i) => {
      const location = await postAction(
        base,
        cookie,
        `/w/${slug}/projects`,
        {
          intent: 'create',
          name: projectName(i),
          status: STATUSES[i % STATUSES.length]!,
          startDate: '2024-03-15',
        },
        true,
      );
      const id = /\/projects\/([0-9a-f-]{36})$/.exec(location ?? '')?.[1];
      if (!id) throw new Error(`project creation redirected to ${location}`);
      projectIds[i] = id;
      await postAction(base, cookie, `/w/${slug}/projects/${id}`, { intent: 'addCost', label: 'Build', kind: 'one_off', amount: costOf(i), year: '0' });
    },
  );
  log(`  ${shape.projects} projects with their costs (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await pool(kpis, async (kpiId, i) => {
    await postAction(base, cookie, `/w/${slug}/projects/${projectIds[i % shape.projects]}`, { intent: 'link', kpiId, share: i % 5 ? '100' : '50' });
  });
  log(`  ${shape.kpis} links (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return { ...shape, cookie, slug, summaryPath: `/w/${slug}/summary` };
}

const projectName = (i: number) => `Projet ${String(i + 1).padStart(4, '0')}`;
const costOf = (i: number) => String(50_000 + i * 100);

/** The same projects, costs and links as over HTTP, written in one transaction, then analysed. */
async function writeProjectsInDatabase(databaseUrl: string, slug: string, projects: number, kpis: readonly string[]) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      const [ws] = await tx<{ id: string }[]>`select id from workspace where slug = ${slug}`;
      if (!ws) throw new Error(`no workspace ${slug} in BENCH_DATABASE_URL: is it the server's database?`);
      const rows = Array.from({ length: projects }, (_, i) => ({
        workspace_id: ws.id,
        name: projectName(i),
        status: STATUSES[i % STATUSES.length]!,
        start_date: '2024-03-15',
      }));
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i += 1_000) {
        ids.push(...(await tx<{ id: string }[]>`insert into project ${tx(rows.slice(i, i + 1_000))} returning id`).map((r) => r.id));
      }
      const costs = ids.map((id, i) => ({ workspace_id: ws.id, project_id: id, label: 'Build', kind: 'one_off', amount: costOf(i), year: 0 }));
      for (let i = 0; i < costs.length; i += 1_000) await tx`insert into project_cost ${tx(costs.slice(i, i + 1_000))}`;
      const links = kpis.map((kpiId, i) => ({ workspace_id: ws.id, project_id: ids[i % projects]!, kpi_id: kpiId, share: i % 5 ? '1' : '0.5' }));
      for (let i = 0; i < links.length; i += 2_000) await tx`insert into project_kpi ${tx(links.slice(i, i + 2_000))}`;
    });
    await sql`analyze project, project_cost, project_kpi`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
