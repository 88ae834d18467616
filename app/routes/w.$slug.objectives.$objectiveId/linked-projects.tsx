// An objective's projects (its tactics), with the planned and realised benefit the business case
// computes; editors unlink each one or link several at once (one transaction: all or none).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { money, StatusChip, type Money } from '~/components/projects/figures';
import { TableScroll } from '~/components/ui/table-scroll';
import { type ActionReply } from '~/lib/action-result';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectivePage } from '~/server/objectives.server';
import { UnlinkButton, LinkPicker } from './link-controls';

export function LinkedProjects({
  version,
  projects,
  options,
  canEdit,
  m,
  reply,
}: {
  version: number;
  projects: ObjectivePage['projects'];
  options: readonly { id: string; name: string }[];
  canEdit: boolean;
  m: Money;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const linked = new Set(projects.map((p) => p.id));
  return (
    <section className="panel" aria-labelledby="projects-heading">
      <h2 id="projects-heading">{t('links.projects', { count: projects.length })}</h2>
      {projects.length === 0 ? (
        <p className="muted">{t('links.noProjects')}</p>
      ) : (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th scope="col">{t('links.project')}</th>
                <th scope="col">{t('links.status')}</th>
                <th scope="col" className="num">
                  {t('progress.planned')}
                </th>
                <th scope="col" className="num">
                  {t('progress.realised')}
                </th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('links.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td className="record-name">
                    <Link to={`/w/${workspace.slug}/projects/${p.id}`}>{p.name}</Link>
                  </td>
                  <td data-label={t('links.status')}>
                    <StatusChip status={p.status} /> {p.archived ? <span className="chip neutral">{t('links.archived')}</span> : null}
                  </td>
                  <td className="num" data-label={t('progress.planned')}>
                    {p.archived ? <span className="muted">{t('links.notCounted')}</span> : money(p.planned, m)}
                  </td>
                  <td className="num" data-label={t('progress.realised')}>
                    {p.realised === null ? <span className="muted">{t('progress.notYet')}</span> : money(p.realised, m)}
                  </td>
                  {canEdit ? (
                    <td className="record-actions">
                      <UnlinkButton kind="project" id={p.id} version={version} label={t('links.unlinkNamed', { name: p.name })} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit ? (
        <LinkPicker
          kind="project"
          version={version}
          legend={t('links.pickProjects')}
          options={options.filter((o) => !linked.has(o.id)).map((o) => ({ id: o.id, label: o.name }))}
          reply={reply}
        />
      ) : null}
    </section>
  );
}
