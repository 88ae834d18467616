// A shared business case: the project's title block (without the workspace's links and buttons),
// the headline figures, the years, the KPI breakdown and the warnings, as on its members' page.
import { useTranslation } from 'react-i18next';
import { CaseFigures } from '~/components/projects/case-figures';
import { HeadlinePanel } from '~/components/projects/case-headline';
import { StatusChip, type Money } from '~/components/projects/figures';
import { formatDate } from '~/lib/format';
import type { SharedView } from '~/server/shared-views.server';

export function SharedProject({ view, m }: { view: Extract<SharedView, { kind: 'project' }>; m: Money }) {
  const { t } = useTranslation(['projects', 'share']);
  const p = view.project;
  return (
    <div className="business-case">
      <div className="page-header">
        <div>
          <p className="muted small">{t('share:page.project')}</p>
          <h1>
            {p.name} <StatusChip status={p.status} /> {p.archivedAt ? <span className="chip neutral">{t('archived')}</span> : null}
          </h1>
          <p className="muted">
            {p.ownerName ? t('ownedBy', { name: p.ownerName }) : t('noOwner')}
            {' · '}
            {p.startDate ? t('startsOn', { date: formatDate(p.startDate, m.locale) }) : t('noStart')}
          </p>
          {p.description ? <p className="description">{p.description}</p> : null}
        </div>
      </div>
      <HeadlinePanel
        businessCase={view.businessCase}
        changed={false}
        realisedTotal={view.realisedTotal}
        started={(p.startDate ?? '') <= view.today}
        empty={view.empty}
        m={m}
      />
      <CaseFigures businessCase={view.businessCase} warnings={view.warnings} lines={view.lines} startDate={p.startDate} today={view.today} m={m} />
    </div>
  );
}
