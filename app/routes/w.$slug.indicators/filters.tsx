// The plan's filters: a GET form (family, tag), so a filtered plan is a link and works before the
// scripts load. Changing a filter starts again at page 1 (the form sends no page).
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FAMILIES } from '~/domain/vocabulary';
import type { IndicatorFilters } from '~/lib/schemas/indicators';
import { useWorkspace } from '~/lib/workspace';

export function PlanFilters({ filters, tags, filtered }: { filters: IndicatorFilters; tags: readonly string[]; filtered: boolean }) {
  const { t } = useTranslation('indicators');
  const { t: tm } = useTranslation('measures');
  const { workspace } = useWorkspace();
  return (
    <section className="panel no-print" aria-labelledby="plan-filters-heading">
      <h2 id="plan-filters-heading" className="visually-hidden">
        {t('plan.filters.title')}
      </h2>
      <Form method="get" className="plan-filters" role="search" aria-labelledby="plan-filters-heading">
        <div className="field">
          <label htmlFor="plan-family">{t('plan.filters.family')}</label>
          <select id="plan-family" name="family" defaultValue={filters.family ?? ''}>
            <option value="">{t('plan.filters.any')}</option>
            {FAMILIES.map((f) => (
              <option key={f} value={f}>
                {tm(`family.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plan-tag">{t('plan.filters.tag')}</label>
          <select id="plan-tag" name="tag" defaultValue={filters.tag ?? ''}>
            <option value="">{t('plan.filters.any')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit">{t('plan.filters.apply')}</button>
        </div>
        {filtered ? (
          <div className="field">
            <Link to={`/w/${workspace.slug}/indicators`}>{t('plan.filters.clear')}</Link>
          </div>
        ) : null}
      </Form>
    </section>
  );
}
