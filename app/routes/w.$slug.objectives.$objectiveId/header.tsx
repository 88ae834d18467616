// The objective's title block: where it sits in the tree, owner, period, target and description.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useMeasureValue } from '~/components/measures/unit';
import { money } from '~/components/projects/figures';
import { formatDate } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectiveRow } from '~/server/objectives.server';

export function ObjectiveHeader({ objective: o, parent, depth }: { objective: ObjectiveRow; parent: { id: string; name: string } | null; depth: number }) {
  const { t } = useTranslation('objectives');
  const { t: tm } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/objectives`;
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const target =
    o.targetKind === 'money'
      ? t('header.moneyTarget', {
          amount: money(o.targetAmount, { currency: workspace.currency, locale: workspace.locale }),
          impact: o.impactType ? tm(`impactType.${o.impactType}`) : '',
          date: formatDate(o.endDate, workspace.locale),
        })
      : t('header.measureTarget', {
          measure: o.measureName ?? '',
          value: o.targetValue === null ? '—' : measureValue(o.targetValue, o.measureUnit ?? ''),
          date: formatDate(o.endDate, workspace.locale),
        });
  return (
    <div className="page-header">
      <div>
        <p className="breadcrumb">
          <Link to={base}>{t('list.title')}</Link>
          {parent ? (
            <>
              {' › '}
              <Link to={`${base}/${parent.id}`}>{parent.name}</Link>
            </>
          ) : null}
        </p>
        <h1>
          {o.name} <span className="chip neutral">{t('header.level', { depth })}</span>
        </h1>
        <p className="objective-target">{target}</p>
        <p className="muted">
          {o.ownerName ? t('header.ownedBy', { name: o.ownerName }) : t('noOwner')}
          {' · '}
          {t('list.periodRange', { from: formatDate(o.startDate, workspace.locale), to: formatDate(o.endDate, workspace.locale) })}
        </p>
        {o.description ? <p className="description">{o.description}</p> : null}
      </div>
    </div>
  );
}
