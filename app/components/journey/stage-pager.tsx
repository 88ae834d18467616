// On a phone the map reads one stage at a time (journey.css): the stages sit side by side in a
// strip that snaps to each one. These are its plain links: each stage's pager names the stages
// before and after it, and a list leads to any stage. They are anchors, so they work before
// JavaScript and a stage can be linked to (#stage-<id>); on a wide screen they are not shown.
import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageData } from './types';

export const stageAnchor = (stageId: string) => `stage-${stageId}`;

/**
 * The stages' places on the map, for the short anchors (#s<index>, on each stage's header) that the
 * no-JavaScript links of a large map's hundreds of cards return to: `stage-<uuid>` in each would
 * weigh kilobytes.
 */
export const StagePlaces = createContext<ReadonlyMap<string, number>>(new Map());
export const shortAnchor = (index: number) => `s${index}`;
export function useStageAnchor(stageId: string): string | undefined {
  const index = useContext(StagePlaces).get(stageId);
  return index === undefined ? undefined : shortAnchor(index);
}

/**
 * A reload keeps #stage-<id> in the address, but the page's scroll is restored instead of going to
 * it, and the map's strip starts at the first stage: bring that stage back into the strip, without
 * moving the page.
 */
export function useStageInAddress() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const stage = id.startsWith('stage-') ? document.getElementById(id) : null;
    const strip = stage?.closest<HTMLElement>('.map-scroll');
    if (!stage || !strip) return;
    const margin = parseFloat(getComputedStyle(stage).scrollMarginLeft) || 0;
    strip.scrollLeft += stage.getBoundingClientRect().left - strip.getBoundingClientRect().left - strip.clientLeft - margin;
  }, []);
}

export function StagePager({
  stage,
  index,
  count,
  prev,
  next,
}: {
  stage: StageData;
  index: number;
  count: number;
  prev: StageData | null;
  next: StageData | null;
}) {
  const { t } = useTranslation('maps');
  return (
    <div className="stage-pager" role="group" aria-label={t('pager.pagerFor', { stage: stage.name })}>
      {prev ? (
        <a href={`#${stageAnchor(prev.id)}`} className="stage-prev" aria-label={t('pager.previous', { stage: prev.name })}>
          <span aria-hidden="true">←</span> {prev.name}
        </a>
      ) : (
        <span />
      )}
      <p className="stage-count">
        {t('pager.stageOf', { index: index + 1, count })}
        {stage.phase ? <span className="stage-phase"> · {stage.phase}</span> : null}
      </p>
      {next ? (
        <a href={`#${stageAnchor(next.id)}`} className="stage-next" aria-label={t('pager.next', { stage: next.name })}>
          {next.name} <span aria-hidden="true">→</span>
        </a>
      ) : (
        <span />
      )}
    </div>
  );
}

/** Every stage, to jump to one of a long map. */
export function StageIndex({ stages }: { stages: readonly StageData[] }) {
  const { t } = useTranslation('maps');
  if (stages.length < 2) return null;
  return (
    <nav className="stage-index no-print" aria-label={t('pager.stages')}>
      <details>
        <summary>{t('pager.allStages', { count: stages.length })}</summary>
        <ol>
          {stages.map((s) => (
            <li key={s.id}>
              <a href={`#${stageAnchor(s.id)}`}>{s.name}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
