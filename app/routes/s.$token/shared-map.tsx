// A shared map: its name, state and description, and the board as a viewer sees it (stages, lanes,
// cards, KPI chips, the emotion curve) with no edit control, no drag handle and no link into the
// workspace: the KPI chips are text.
import { useTranslation } from 'react-i18next';
import { MapBoard } from '~/components/journey/map-board';
import type { MapEditorData } from '~/components/journey/types';

/** Where the board remembers its zoom and density in this browser (there is no user). */
const VIEWER = 'shared';

export function SharedMap({ board, currency, locale }: { board: MapEditorData; currency: string; locale: string }) {
  const { t } = useTranslation(['maps', 'share']);
  const { map } = board;
  return (
    <div className="journey">
      <div className="page-header map-header">
        <div>
          <p className="muted small">{t('share:page.map')}</p>
          <h1>{map.name}</h1>
          <p className="map-meta">
            <span className={`chip ${map.state === 'future' ? 'warn' : 'neutral'}`}>{t(`state.${map.state}`)}</span>
            {map.archivedAt ? <span className="chip neutral">{t('list.archived')}</span> : null}
            {map.description ? <span className="muted"> {map.description}</span> : null}
          </p>
        </div>
      </div>
      <MapBoard editor={board} canEdit={false} slug={null} currency={currency} locale={locale} action="" userId={VIEWER} />
    </div>
  );
}
