// An objective's measures; editors unlink each one or link several at once (one transaction).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { type ActionReply } from '~/lib/action-result';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectivePage } from '~/server/objectives.server';
import { UnlinkButton, LinkPicker } from './link-controls';

export function LinkedMeasures({
  version,
  measures,
  options,
  canEdit,
  reply,
}: {
  version: number;
  measures: ObjectivePage['measures'];
  options: readonly { id: string; name: string }[];
  canEdit: boolean;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const linked = new Set(measures.map((m) => m.measureId));
  return (
    <section className="panel" aria-labelledby="measures-heading">
      <h2 id="measures-heading">{t('links.measures', { count: measures.length })}</h2>
      {measures.length === 0 ? (
        <p className="muted">{t('links.noMeasures')}</p>
      ) : (
        <ul className="linked-measures">
          {measures.map((m) => (
            <li key={m.measureId}>
              <Link to={`/w/${workspace.slug}/measures/${m.measureId}`}>{m.name}</Link>
              {canEdit ? <UnlinkButton kind="measure" id={m.measureId} version={version} label={t('links.unlinkNamed', { name: m.name })} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <LinkPicker
          kind="measure"
          version={version}
          legend={t('links.pickMeasures')}
          options={options.filter((o) => !linked.has(o.id)).map((o) => ({ id: o.id, label: o.name }))}
          reply={reply}
        />
      ) : null}
    </section>
  );
}
