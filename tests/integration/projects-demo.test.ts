import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { seedDemo } from '~/server/demo/index.server';
import { project, workspace } from '../../db/schema';
import { loadBusinessCase } from '~/server/projects.server';
import { valueOr404 } from '~/server/result.server';
import { loadPortfolio } from '~/server/portfolio.server';
import { toFixedString } from '~/domain/decimal';

describe('demo projects', () => {
  it('seeds three projects with costs; the worked example reproduces DESIGN.md to the cent', async () => {
    await seedDemo(db);
    const [ws] = await db.select().from(workspace).where(eq(workspace.slug, 'demo-telecom'));
    const rows = await db.select().from(project).where(eq(project.workspaceId, ws!.id));
    expect(rows.map((r) => r.name).sort()).toEqual(['Chatbot support niveau 1', 'Refonte du parcours de renouvellement', 'Self-service onboarding']);
    const example = rows.find((r) => r.name === 'Self-service onboarding')!;
    expect(example).toMatchObject({
      horizonYears: 3,
      discountRate: '0.080000',
      confidence: '0.800000',
      rampUp: ['0.500000', '1.000000', '1.000000'],
      status: 'in_progress',
    });
    const loaded = valueOr404(await loadBusinessCase(ws!.id, example.id));
    expect(loaded.businessCase.years.map((y) => y.cost)).toEqual(['60000', '10000', '10000', '10000']);
    // The measures seeder places NPS, churn and handling time with DESIGN.md's current and target values.
    expect(loaded.lines.map((l) => `${l.measureName}@${l.stageName}:${l.contribution}`)).toEqual(
      expect.arrayContaining(['NPS@Onboarding:50000', 'Taux de churn@Renouvellement:90000', 'Durée moyenne de traitement@Support:12000']),
    );
    expect(loaded.businessCase.runRateBenefit).toBe('152000');
    expect(toFixedString(loaded.businessCase.pvBenefit, 2)).toBe('257078.70');
    expect(toFixedString(loaded.businessCase.npv, 2)).toBe('171307.73');
    expect(toFixedString(loaded.businessCase.paybackMonths!, 1)).toBe('13.0');
    // The renewal project's 60 % of the churn KPI on top of these 50 %: a double-counting warning.
    expect(loaded.warnings.map((w) => `${w.code}:${w.measureName}:${w.totalShare}`)).toEqual(['double_counting:Taux de churn:1.1']);
    const portfolio = await loadPortfolio(ws!.id, { sort: 'npv' });
    expect(portfolio.projects).toHaveLength(3);
    expect(portfolio.projects.every((p) => p.kpiCount >= 2)).toBe(true);
  });
});
