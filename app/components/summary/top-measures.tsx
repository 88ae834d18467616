// The measures that carry the most planned value across the portfolio.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from '~/components/projects/figures';
import type { loadPortfolio } from '~/server/portfolio.server';
import { TableScroll } from '~/components/ui/table-scroll';

type TopMeasure = Awaited<ReturnType<typeof loadPortfolio>>['topMeasures'][number];

/** `base`: the workspace's address, for the links to the measures; null on a shared summary. */
export function TopMeasures({ topMeasures, m, base }: { topMeasures: TopMeasure[]; m: Money; base: string | null }) {
  const { t } = useTranslation('projects');
  return (
    <section className="panel" aria-labelledby="measures-heading">
      <h2 id="measures-heading">{t('summary.measures.title')}</h2>
      <p className="muted">{t('summary.measures.lead')}</p>
      {topMeasures.length === 0 ? (
        <p className="muted">{t('summary.measures.empty')}</p>
      ) : (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th scope="col">{t('summary.measures.measure')}</th>
                <th scope="col" className="num">
                  {t('summary.measures.value')}
                </th>
                <th scope="col" className="num">
                  {t('summary.measures.projects')}
                </th>
              </tr>
            </thead>
            <tbody>
              {topMeasures.map((mv) => (
                <tr key={mv.measureId}>
                  <th scope="row" className="record-name">
                    {base ? <Link to={`${base}/measures/${mv.measureId}`}>{mv.measureName}</Link> : mv.measureName}
                  </th>
                  <td className="num" data-label={t('summary.measures.value')}>
                    {money(mv.value, m)}
                  </td>
                  <td className="num" data-label={t('summary.measures.projects')}>
                    {mv.projectCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
