import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { seedDemo } from '../../db/seed';
import { project, workspace } from '../../db/schema';
import { loadBusinessCase } from '~/server/projects.server';
import { loadPortfolio } from '~/server/portfolio.server';

describe('demo projects', () => {
  it('seeds three projects with costs; the worked example reproduces DESIGN.md once its KPIs exist', async () => {
    await seedDemo(db);
    const [ws] = await db.select().from(workspace).where(eq(workspace.slug, 'demo-telecom'));
    const rows = await db.select().from(project).where(eq(project.workspaceId, ws!.id));
    expect(rows.map((r) => r.name).sort()).toEqual(['Chatbot support niveau 1', 'Refonte du parcours de renouvellement', 'Self-service onboarding']);
    const example = rows.find((r) => r.name === 'Self-service onboarding')!;
    expect(example).toMatchObject({ horizonYears: 3, discountRate: '0.080000', confidence: '0.800000', rampUp: ['0.500000', '1.000000', '1.000000'], status: 'in_progress' });
    const loaded = (await loadBusinessCase(ws!.id, example.id))!;
    expect(loaded.businessCase.years.map((y) => y.cost)).toEqual(['60000', '10000', '10000', '10000']);
    // The measures seeder places NPS, churn and handling time; when it has, the figures are DESIGN.md's.
    if (loaded.lines.length === 3) {
      expect(loaded.businessCase.runRateBenefit).toBe('152000');
      expect(Number(loaded.businessCase.npv).toFixed(2)).toBe('171307.73');
    }
    const portfolio = await loadPortfolio(ws!.id, { sort: 'npv' });
    expect(portfolio.projects).toHaveLength(3);
  });
});
