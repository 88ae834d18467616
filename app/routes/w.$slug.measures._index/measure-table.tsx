// The library's measures: name, trend, value per unit, group, HEART category, owner and use.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatPerUnit, useUnitLabel, useUnitOne } from '~/components/measures/unit';
import { valuePerUnit } from '~/domain/kpi';
import type { HeartCategory, Trend } from '~/domain/vocabulary';
import { useWorkspace } from '~/lib/workspace';
import { TableScroll } from '~/components/ui/table-scroll';

export interface MeasureListRow {
  id: string;
  name: string;
  unit: string;
  trend: Trend;
  valueAmount: string | null;
  valueStep: string | null;
  group: string | null;
  tags: string[];
  heartCategory: HeartCategory | null;
  archivedAt: Date | null;
  ownerName: string | null;
  usedBy: number;
}

export function MeasureTable({ measures, filtered }: { measures: readonly MeasureListRow[]; filtered: boolean }) {
  const { t } = useTranslation(['measures', 'library']);
  const { workspace } = useWorkspace();
  const unitLabel = useUnitLabel(workspace.currency);
  const unitOne = useUnitOne(workspace.currency);
  const base = `/w/${workspace.slug}`;
  return (
    <section className="panel" aria-labelledby="list-heading">
      <h2 id="list-heading">{t('library.count', { count: measures.length })}</h2>
      {measures.length === 0 ? <p className="muted">{filtered ? t('library.noMatch') : t('library.empty')}</p> : null}
      {measures.length > 0 ? (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th>{t('fields.name')}</th>
                <th>{t('fields.trend')}</th>
                <th className="num">{t('fields.valuePerUnit')}</th>
                <th>{t('fields.group')}</th>
                <th>{t('fields.heartCategory')}</th>
                <th>{t('fields.owner')}</th>
                <th className="num">{t('library.usedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => {
                const vpu = valuePerUnit(m.valueAmount, m.valueStep);
                return (
                  <tr key={m.id}>
                    <td className="record-name">
                      <Link to={`${base}/measures/${m.id}`}>{m.name}</Link> <span className="muted small">{unitLabel(m.unit)}</span>
                      {m.archivedAt ? <span className="chip neutral">{t('archived')}</span> : null}
                      {m.tags.length ? (
                        <div className="tags">
                          {m.tags.map((tag) => (
                            <span key={tag} className="tag">
                              {tag}
                            </span>
                          ))}
                        </div>
                      ) : null}
                    </td>
                    <td data-label={t('fields.trend')}>{t(`trend.${m.trend}`)}</td>
                    <td className="num" data-label={t('fields.valuePerUnit')}>
                      {vpu !== null ? t('library.perUnit', { amount: formatPerUnit(vpu, workspace.currency, workspace.locale), unit: unitOne(m.unit) }) : '—'}
                    </td>
                    <td data-label={t('fields.group')}>{m.group}</td>
                    <td data-label={t('fields.heartCategory')}>{m.heartCategory ? t(`heart.${m.heartCategory}`) : null}</td>
                    <td data-label={t('fields.owner')}>{m.ownerName}</td>
                    <td className="num" data-label={t('library.usedBy')}>
                      {t('library.kpis', { count: m.usedBy })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
