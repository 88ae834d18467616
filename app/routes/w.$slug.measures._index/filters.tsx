// The library's search and filters: a GET form, so a filtered list is a link anyone can open.
import { Form, Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FAMILIES, HEART_CATEGORIES, TRENDS } from '~/domain/vocabulary';
import type { MeasureFilters as Filters } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';

export function MeasureFilters({
  filters,
  groups,
  tags,
  members,
}: {
  filters: Filters;
  groups: readonly string[];
  tags: readonly string[];
  members: readonly { userId: string; displayName: string }[];
}) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const [searchParams] = useSearchParams();
  const filtered = [...searchParams.keys()].length > 0;
  const select = (name: string, label: string, values: { value: string; label: string }[], current?: string) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={current ?? ''}>
        <option value="">{t('filters.any')}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t('filters.title')}
      </h2>
      <Form method="get" className="measure-filters" role="search">
        <div className="field">
          <label htmlFor="filter-q">{t('filters.search')}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} />
        </div>
        {select(
          'group',
          t('fields.group'),
          groups.map((g) => ({ value: g, label: g })),
          filters.group,
        )}
        {select(
          'tag',
          t('fields.tag'),
          tags.map((g) => ({ value: g, label: g })),
          filters.tag,
        )}
        {select(
          'heart',
          t('fields.heartCategory'),
          HEART_CATEGORIES.map((h) => ({ value: h, label: t(`heart.${h}`) })),
          filters.heart,
        )}
        {select(
          'family',
          t('fields.family'),
          FAMILIES.map((h) => ({ value: h, label: t(`family.${h}`) })),
          filters.family,
        )}
        {select(
          'owner',
          t('fields.owner'),
          members.map((m) => ({ value: m.userId, label: m.displayName })),
          filters.owner,
        )}
        {select(
          'trend',
          t('fields.trend'),
          TRENDS.map((h) => ({ value: h, label: t(`trend.${h}`) })),
          filters.trend,
        )}
        <div className="field checkbox">
          <label>
            <input type="checkbox" name="archived" value="1" defaultChecked={filters.archived === '1'} /> {t('filters.archived')}
          </label>
        </div>
        <div className="field">
          <button type="submit">{t('filters.apply')}</button>
        </div>
        {filtered ? (
          <div className="field">
            <Link to={`/w/${workspace.slug}/measures`}>{t('filters.clear')}</Link>
          </div>
        ) : null}
      </Form>
    </section>
  );
}
