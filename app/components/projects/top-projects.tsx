// Workspace home: the projects that create the most value (NPV), linking to their business cases.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '~/lib/format';

export interface TopProject {
  id: string;
  name: string;
  npv: string;
}

export function TopProjects({
  projects,
  slug,
  currency,
  locale,
  summaryLink = true,
}: {
  projects: readonly TopProject[];
  /** The workspace, for the links to the business cases; null on a shared summary, which links nowhere. */
  slug: string | null;
  currency: string;
  locale: string;
  /** The link to the whole ranking (not on the summary itself). */
  summaryLink?: boolean;
}) {
  const { t } = useTranslation('projects');
  if (projects.length === 0) return null;
  return (
    <>
      <h3>{t('home.topByNpv')}</h3>
      <ol>
        {projects.map((p) => (
          <li key={p.id}>
            {slug ? <Link to={`/w/${slug}/projects/${p.id}`}>{p.name}</Link> : p.name} · {t('home.npv', { npv: formatMoney(p.npv, currency, locale) })}
          </li>
        ))}
      </ol>
      {summaryLink && slug ? (
        <p>
          <Link to={`/w/${slug}/summary`}>{t('list.summary')} →</Link>
        </p>
      ) : null}
    </>
  );
}
