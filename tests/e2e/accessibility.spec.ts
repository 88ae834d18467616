import { DEMO, expect, test } from './fixtures';
import { seriousViolations } from './helpers';

// An automated accessibility check of the main screens (WCAG 2.1 A and AA rules of axe-core):
// no serious or critical violation. It does not replace using the product with a keyboard and a
// screen reader; it catches regressions such as an unlabelled control or text without contrast.
const violations = seriousViolations;

test('the sign-in page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/login');
  expect(await violations(page)).toEqual([]);
});

test('the main screens of the demo workspace have no serious accessibility violation', async ({ page, signInAs }) => {
  // Ten axe-core passes: about 40 s on a quiet 2-core machine, more under load.
  test.slow();
  await signInAs('owner');
  const base = `/w/${DEMO.slug}`;
  const screens = [base, `${base}/maps`, `${base}/personas`, `${base}/measures`, `${base}/projects`, `${base}/summary`, `${base}/activity`, `${base}/settings`];
  const found: Record<string, string[]> = {};
  for (const path of screens) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const v = await violations(page);
    if (v.length) found[path] = v;
  }
  await page.goto(`${base}/maps`);
  await page.getByRole('link', { name: "Souscription d'un abonnement mobile" }).click();
  await page.waitForLoadState('networkidle');
  const mapViolations = await violations(page);
  if (mapViolations.length) found['map editor'] = mapViolations;
  await page.goto(`${base}/projects`);
  await page.getByRole('link', { name: 'Self-service onboarding' }).click();
  await page.waitForLoadState('networkidle');
  const caseViolations = await violations(page);
  if (caseViolations.length) found['business case'] = caseViolations;
  expect(found).toEqual({});
});

test('at phone width the main screens, and the open menu, have no serious accessibility violation', async ({ page, signInAs }) => {
  test.slow();
  await signInAs('owner');
  await page.setViewportSize({ width: 390, height: 844 });
  const base = `/w/${DEMO.slug}`;
  const found: Record<string, string[]> = {};
  for (const path of [base, `${base}/maps`, `${base}/measures`, `${base}/projects`, `${base}/summary`]) {
    await page.goto(path);
    const v = await violations(page);
    if (v.length) found[path] = v;
  }
  // The map, one stage at a time with its pager.
  await page.goto(`${base}/maps`);
  await page.getByRole('link', { name: "Souscription d'un abonnement mobile" }).click();
  await page.waitForLoadState('networkidle');
  const mapViolations = await violations(page);
  if (mapViolations.length) found['map editor'] = mapViolations;
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  const menu = await violations(page);
  if (menu.length) found['open menu'] = menu;
  expect(found).toEqual({});
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('every main screen renders in French for a French browser', async ({ page, signInAs }) => {
    await page.goto('/login');
    await expect(page.getByLabel('E-mail')).toBeVisible();
    await expect(page.getByLabel('Mot de passe')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await signInAs('owner');
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}$`));
    await expect(page.getByRole('heading', { name: 'Bienvenue dans Demo Telecom' })).toBeVisible();
    const base = `/w/${DEMO.slug}`;
    const screens = {
      [`${base}/maps`]: 'Parcours clients',
      [`${base}/personas`]: 'Personas',
      [`${base}/measures`]: 'Bibliothèque de mesures',
      [`${base}/projects`]: 'Projets',
      [`${base}/summary`]: 'Synthèse',
      [`${base}/activity`]: 'Activité',
      [`${base}/settings`]: 'Paramètres',
      [`${base}/kpis/import`]: 'Importer des valeurs',
      '/account': 'Votre compte',
    };
    for (const [path, heading] of Object.entries(screens)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).first(), path).toContainText(heading);
    }
    // Each page's title names the page, in French, then the workspace.
    const titles = {
      [`${base}/maps`]: 'Parcours clients · Demo Telecom · Parcours',
      [`${base}/measures`]: 'Mesures · Demo Telecom · Parcours',
      [`${base}/summary`]: 'Synthèse ROI · Demo Telecom · Parcours',
      [`${base}/settings`]: 'Paramètres · Demo Telecom · Parcours',
      '/account': 'Votre compte · Parcours',
    };
    for (const [path, title] of Object.entries(titles)) {
      await page.goto(path);
      await expect(page, path).toHaveTitle(title);
    }
  });
});
