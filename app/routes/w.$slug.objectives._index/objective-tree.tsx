// The objectives as an indented table: each one's owner, period, target and progress (money: planned
// benefit of its projects against the target and the gap; measure: current value against the target),
// and for a parent the planned and realised benefit of everything under it.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useMeasureValue } from '~/components/measures/unit';
import { GapChip } from '~/components/objectives/progress';
import { money } from '~/components/projects/figures';
import { TableScroll } from '~/components/ui/table-scroll';
import { formatDate } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectiveTreeEntry } from '~/server/objectives.server';

export function ObjectiveTree({ objectives }: { objectives: readonly ObjectiveTreeEntry[] }) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const m = { currency: workspace.currency, locale: workspace.locale };
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const base = `/w/${workspace.slug}/objectives`;
  return (
    <section className="panel" aria-labelledby="objectives-heading">
      <h2 id="objectives-heading">{t('list.treeTitle', { count: objectives.length })}</h2>
      {objectives.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <TableScroll>
          <table className="data records objective-tree">
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.owner')}</th>
                <th scope="col">{t('fields.period')}</th>
                <th scope="col">{t('list.target')}</th>
                <th scope="col">{t('list.progress')}</th>
                <th scope="col">{t('list.gap')}</th>
                <th scope="col">{t('list.withChildren')}</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((o) => {
                const p = o.progress;
                return (
                  <tr key={o.id} data-depth={o.depth}>
                    <td className="record-name">
                      <span className="objective-name" style={{ paddingInlineStart: `${(o.depth - 1) * 1.25}rem` }}>
                        <span className="visually-hidden">{t('list.level', { depth: o.depth })} </span>
                        <Link to={`${base}/${o.id}`}>{o.name}</Link>
                      </span>
                    </td>
                    <td data-label={t('fields.owner')}>{o.ownerName ?? <span className="muted">{t('noOwner')}</span>}</td>
                    <td data-label={t('fields.period')}>
                      {t('list.periodRange', {
                        from: formatDate(o.startDate, workspace.locale, 'short'),
                        to: formatDate(o.endDate, workspace.locale, 'short'),
                      })}
                    </td>
                    <td data-label={t('list.target')}>
                      {p.kind === 'money'
                        ? money(p.target, m)
                        : t('list.measureTarget', { measure: o.measureName ?? '', value: measureValue(p.target, o.measureUnit ?? '') })}
                    </td>
                    <td data-label={t('list.progress')}>
                      {p.kind === 'money'
                        ? t('list.plannedOf', { planned: money(p.planned, m), count: o.projectCount })
                        : p.current === null
                          ? t('progress.noValue')
                          : t('list.currentIs', { value: measureValue(p.current, o.measureUnit ?? '') })}
                    </td>
                    <td data-label={t('list.gap')}>
                      <GapChip progress={p} m={m} />
                    </td>
                    <td data-label={t('list.withChildren')}>
                      {o.rolledUp ? (
                        <span>
                          {t('list.rolledPlanned', { amount: money(o.rolledUp.planned, m) })}
                          <br />
                          <span className="small muted">
                            {t('list.rolledRealised', { amount: o.rolledUp.realised === null ? t('progress.notYet') : money(o.rolledUp.realised, m) })}
                          </span>
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
