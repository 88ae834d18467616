// The map as it prints: browsers do not paginate a box that overflows sideways, so the printed map
// is its own markup, cut into runs of stages that fit a landscape page at 100 %. Each run is a real
// table: its head (phases and stages) repeats on every page the run spans downwards, and each row
// names its lane. It exists only while the page is printing, so the server HTML does not carry the
// map twice.
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMeasureValue } from '~/components/measures/unit';
import { chunkStages, PRINT_COLUMN, PRINT_LANE_HEAD, PRINT_PAPERS, stagesPerPage, type PrintPaper } from '~/domain/print-pages';
import type { KpiChipData } from '~/lib/kpi-chip';
import { useHydrated } from '~/lib/use-hydrated';
import { phaseGroups } from './map-board';
import { cellKey, type CardData, type EmotionData, type LaneData, type MapEditorData, type StageData } from './types';

const PAPER_KEY = 'parcours:print-paper';

/**
 * True while the page prints. `beforeprint` is the trigger that counts: Chromium fires it for the
 * print dialog and for DevTools' printToPDF (Playwright's page.pdf) alike, and lays the pages out as
 * soon as the listeners return, so the copy is rendered inside it (flushSync). A plain state update
 * lands too late, as does the print media query's change event, which fires after the layout: with
 * either alone, the A3 test in print.spec.ts gets A4 pages. The media query covers what emulates
 * print media without printing (DevTools, Playwright's emulateMedia).
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const media = window.matchMedia('print');
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(media.matches);
    const change = (event: MediaQueryListEvent) => (event.matches ? flushSync(() => setPrinting(true)) : setPrinting(false));
    if (media.matches) setPrinting(true);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

/** The paper the user last printed the map on, remembered in this browser; A4 until read. */
export function usePrintPaper(): [PrintPaper, (paper: PrintPaper) => void] {
  const [paper, setPaper] = useState<PrintPaper>('a4');
  useEffect(() => {
    const stored = window.localStorage.getItem(PAPER_KEY);
    if ((PRINT_PAPERS as readonly string[]).includes(stored ?? '')) setPaper(stored as PrintPaper);
  }, []);
  const choose = (next: PrintPaper) => {
    setPaper(next);
    try {
      window.localStorage.setItem(PAPER_KEY, next);
    } catch {
      // Storage full or refused: the choice holds for this page only.
    }
  };
  return [paper, choose];
}

/** Disabled until the page's script runs: before that it could not change the printed page. */
export function PaperSelect({ paper, onChange }: { paper: PrintPaper; onChange: (paper: PrintPaper) => void }) {
  const { t } = useTranslation('maps');
  const hydrated = useHydrated();
  return (
    <label className="paper-select">
      <span>{t('print.paper')}</span>
      <select value={paper} disabled={!hydrated} onChange={(e) => onChange(e.currentTarget.value as PrintPaper)}>
        {PRINT_PAPERS.map((p) => (
          <option key={p} value={p}>
            {t(`print.paperSize.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface PrintProps {
  /** The map to print; every stage's cards, KPIs and emotions must be in it. */
  editor: Pick<MapEditorData, 'map' | 'stages' | 'lanes' | 'cards' | 'kpis' | 'emotions' | 'window'>;
  paper: PrintPaper;
  currency: string;
  locale: string;
}

export function MapPrint({ editor, paper, currency, locale }: PrintProps) {
  const { t } = useTranslation('maps');
  const { lanes } = editor;
  // A large map holds the cards of the stages on screen only: those are the ones printed (the
  // Print button loads them all first; the browser's own print command prints what is there).
  const stages = useMemo(() => editor.stages.slice(editor.window.from, editor.window.to), [editor.stages, editor.window]);
  const partial = stages.length < editor.stages.length;
  const chunks = useMemo(() => chunkStages(stages, stagesPerPage(paper)), [stages, paper]);
  const cells = useMemo(() => {
    const cards = new Map<string, CardData[]>();
    const kpis = new Map<string, KpiChipData[]>();
    const emotions = new Map<string, EmotionData>();
    const push = <T,>(m: Map<string, T[]>, key: string, item: T) => m.set(key, [...(m.get(key) ?? []), item]);
    for (const c of [...editor.cards].sort((a, b) => a.position - b.position)) push(cards, cellKey(c.laneId, c.stageId), c);
    for (const k of [...editor.kpis].sort((a, b) => a.position - b.position)) push(kpis, cellKey(k.laneId, k.stageId), k);
    for (const e of editor.emotions) emotions.set(cellKey(e.laneId, e.stageId), e);
    return { cards, kpis, emotions };
  }, [editor.cards, editor.kpis, editor.emotions]);

  let first = 0;
  return (
    <div className="map-print" data-paper={paper}>
      {/* The page size follows the choice beside the Print button (journey.css sets A4 otherwise). */}
      <style>{`@page { size: ${paper.toUpperCase()} landscape; margin: 8mm; }`}</style>
      {partial ? (
        <p className="map-print-note">
          {t('print.partial', { from: editor.window.from + 1, to: editor.window.from + stages.length, count: editor.stages.length })}
        </p>
      ) : null}
      {chunks.map((chunk) => {
        const from = first + 1;
        first += chunk.length;
        const phases = phaseGroups(chunk);
        return (
          <section key={chunk[0]!.id} className="map-print-page">
            <table className="map-print-table" style={{ width: PRINT_LANE_HEAD + chunk.length * PRINT_COLUMN }}>
              <caption>
                {t('print.part', { name: editor.map.name, from: from + editor.window.from, to: first + editor.window.from, count: editor.stages.length })}
              </caption>
              <colgroup>
                <col style={{ width: PRINT_LANE_HEAD }} />
                {chunk.map((s) => (
                  <col key={s.id} style={{ width: PRINT_COLUMN }} />
                ))}
              </colgroup>
              <thead>
                {phases.some((p) => p.phase) ? (
                  <tr className="print-phases">
                    <td />
                    {phases.map((p, i) => (
                      <th key={i} scope="colgroup" colSpan={p.span}>
                        {p.phase}
                      </th>
                    ))}
                  </tr>
                ) : null}
                <tr className="print-stages">
                  <th scope="col">{t('editor.lanesAndStages')}</th>
                  {chunk.map((s) => (
                    <StageHead key={s.id} stage={s} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {lanes.map((lane) => (
                  <tr key={lane.id} className={`lane-${lane.kind}`}>
                    <LaneHead lane={lane} />
                    {chunk.map((s) => {
                      const key = cellKey(lane.id, s.id);
                      return (
                        <td key={s.id}>
                          {lane.kind === 'emotions' ? (
                            <EmotionText point={cells.emotions.get(key)} />
                          ) : lane.kind === 'kpi' ? (
                            <KpiList kpis={cells.kpis.get(key)} currency={currency} locale={locale} />
                          ) : (
                            <CardList cards={cells.cards.get(key)} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

function StageHead({ stage }: { stage: StageData }) {
  return (
    <th scope="col">
      <span className="print-stage-name">{stage.name}</span>
      {stage.description ? <span className="print-muted">{stage.description}</span> : null}
    </th>
  );
}

function LaneHead({ lane }: { lane: LaneData }) {
  const { t } = useTranslation('maps');
  const kind = t(`laneKind.${lane.kind}`);
  return (
    <th scope="row">
      <span className="print-lane-name">{lane.name}</span>
      {kind !== lane.name ? <span className="print-muted">{kind}</span> : null}
    </th>
  );
}

function CardList({ cards }: { cards: CardData[] | undefined }) {
  const { t } = useTranslation('maps');
  if (!cards?.length) return null;
  return (
    <ul className="print-items">
      {cards.map((card) => (
        <li key={card.id} className="print-card">
          <p className="card-title">{card.title}</p>
          {card.description ? <p className="card-description">{card.description}</p> : null}
          {card.channel || card.system ? (
            <p className="print-meta">
              {card.channel ? <span>{t(`channel.${card.channel}`)}</span> : null}
              {card.channel && card.system ? ' · ' : null}
              {card.system ? <span>{t('card.systemValue', { system: card.system })}</span> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function KpiList({ kpis, currency, locale }: { kpis: KpiChipData[] | undefined; currency: string; locale: string }) {
  const { t } = useTranslation('measures');
  const measureValue = useMeasureValue(currency, locale);
  if (!kpis?.length) return null;
  return (
    <ul className="print-items">
      {kpis.map((kpi) => (
        <li key={kpi.id} className="print-kpi">
          <p className="card-title">
            {kpi.measureName}
            {kpi.archived ? <span className="print-muted"> ({t('chip.archived')})</span> : null}
          </p>
          <p>
            {measureValue(kpi.current, kpi.unit)} → {measureValue(kpi.target, kpi.unit)}
          </p>
          <p className={`print-status status-${kpi.status}`}>{t(`status.${kpi.status}`)}</p>
        </li>
      ))}
    </ul>
  );
}

/** What the read-only emotion lane shows under its curve: the score and its word. */
function EmotionText({ point }: { point: EmotionData | undefined }) {
  const { t } = useTranslation('maps');
  const score = point?.score ?? null;
  return <p className="print-emotion">{score === null ? t('emotion.none') : `${score > 0 ? '+' : ''}${score} · ${t(`emotion.score.${score}`)}`}</p>;
}
