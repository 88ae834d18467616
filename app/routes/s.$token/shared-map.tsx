// A shared map: its name, state, description and persona, and the board as a viewer sees it
// (stages, lanes, cards, KPI chips, the emotion curve) with no edit control, no drag handle and no
// link into the workspace: the KPI chips are text.
import { useTranslation } from 'react-i18next';
import { MapBoard } from '~/components/journey/map-board';
import { MapIntro } from '~/components/journey/map-editor';
import type { MapEditorData } from '~/components/journey/types';

/** Where the board remembers its zoom and density in this browser (there is no user). */
const VIEWER = 'shared';

export function SharedMap({ board, currency, locale }: { board: MapEditorData; currency: string; locale: string }) {
  const { t } = useTranslation('share');
  const { map } = board;
  return (
    <div className="journey">
      <MapIntro map={map} eyebrow={t('page.map')} />
      <MapBoard editor={board} canEdit={false} slug={null} currency={currency} locale={locale} action="" userId={VIEWER} />
    </div>
  );
}
