// The business case's title block: name, status, owner, start, and print / CSV / share / archive.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { StatusChip } from '~/components/projects/figures';
import { printWithCharts } from '~/components/projects/use-chart';
import { ButtonForm } from '~/components/ui/button-form';
import type { ProjectStatus } from '~/domain/vocabulary';
import { formatDate } from '~/lib/format';
import { ArchiveSchema } from '~/lib/schemas/projects';

export interface HeaderProject {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  ownerName: string | null;
  startDate: string | null;
  archivedAt: Date | null;
  version: number;
}

export function CaseHeader({ p, base, locale, canEdit }: { p: HeaderProject; base: string; locale: string; canEdit: boolean }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const archiveIntent = p.archivedAt ? 'restore' : 'archive';
  return (
    <div className="page-header">
      <div>
        <p className="breadcrumb">
          <Link to={`${base}/projects`}>{tc('nav.projects')}</Link>
        </p>
        <h1>
          {p.name} <StatusChip status={p.status} /> {p.archivedAt ? <span className="chip neutral">{t('archived')}</span> : null}
        </h1>
        <p className="muted">
          {p.ownerName ? t('ownedBy', { name: p.ownerName }) : t('noOwner')}
          {' · '}
          {p.startDate ? t('startsOn', { date: formatDate(p.startDate, locale) }) : t('noStart')}
        </p>
        {p.description ? <p className="description">{p.description}</p> : null}
      </div>
      <div className="row no-print">
        <button type="button" className="secondary" onClick={printWithCharts}>
          {t('print')}
        </button>
        <a className="button secondary" href={`${base}/projects/${p.id}/csv`} download>
          {t('exportCsv')}
        </a>
        {canEdit ? (
          // The share panel is a nested route: its code loads when it opens.
          <Link className="button secondary" to={`${base}/projects/${p.id}/share`} preventScrollReset>
            {tc('actions.share')}
          </Link>
        ) : null}
        {canEdit ? (
          <ButtonForm id={`${archiveIntent}-${p.version}`} schema={ArchiveSchema} fields={{ intent: archiveIntent, version: p.version }}>
            <button type="submit" className="secondary">
              {p.archivedAt ? t('restore') : t('archive')}
            </button>
          </ButtonForm>
        ) : null}
      </div>
    </div>
  );
}
