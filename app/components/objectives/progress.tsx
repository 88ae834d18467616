// An objective's progress: for a money target, the planned benefit of its projects and what they
// realised so far against the target, and the gap no project covers yet; for a measure target, the
// measure's current value against the target value. Figures in text; the bars only repeat them.
import { useTranslation } from 'react-i18next';
import { money, type Money } from '~/components/projects/figures';
import { useMeasureValue } from '~/components/measures/unit';
import { dec } from '~/domain/decimal';
import { formatPercent } from '~/lib/format';
import type { ObjectiveProgress } from '~/server/objectives.server';

/** A fraction as a bar width, kept within 0..100 %. */
function width(fraction: string | null) {
  if (fraction === null) return '0%';
  const pct = Math.min(Math.max(Number(dec(fraction).times(100).toFixed(1)), 0), 100);
  return `${pct}%`;
}

export function GapChip({ progress, m }: { progress: ObjectiveProgress; m: Money }) {
  const { t } = useTranslation('objectives');
  if (progress.kind === 'money') {
    return progress.covered ? (
      <span className="chip good">{t('progress.covered')}</span>
    ) : (
      <span className="chip warn">{t('progress.gapOf', { amount: money(progress.gap, m) })}</span>
    );
  }
  if (progress.met === null) return <span className="chip neutral">{t('progress.noValue')}</span>;
  return progress.met ? <span className="chip good">{t('progress.met')}</span> : <span className="chip warn">{t('progress.notMet')}</span>;
}

export function ObjectiveProgressPanel({
  progress,
  unit,
  impactType,
  m,
}: {
  progress: ObjectiveProgress;
  unit: string | null;
  impactType: string | null;
  m: Money;
}) {
  const { t } = useTranslation('objectives');
  const { t: tm } = useTranslation('measures');
  const measureValue = useMeasureValue(m.currency, m.locale);
  if (progress.kind === 'money') {
    return (
      <>
        <dl className="headline-figures">
          <div className="figure">
            <dt>{t('progress.target')}</dt>
            <dd>{money(progress.target, m)}</dd>
            {impactType ? <dd className="small muted">{tm(`impactType.${impactType}`)}</dd> : null}
          </div>
          <div className="figure">
            <dt>{t('progress.planned')}</dt>
            <dd data-figure="planned">{money(progress.planned, m)}</dd>
            <dd className="small muted">
              {progress.plannedShare === null ? '—' : t('progress.ofTarget', { share: formatPercent(progress.plannedShare, m.locale, 0) })}
            </dd>
          </div>
          <div className="figure">
            <dt>{t('progress.realised')}</dt>
            <dd data-figure="realised">{progress.realised === null ? t('progress.notYet') : money(progress.realised, m)}</dd>
            <dd className="small muted">
              {progress.realisedShare === null
                ? '—'
                : `${t('progress.ofTarget', { share: formatPercent(progress.realisedShare, m.locale, 0) })} · ${t('progress.stillToRealise', { amount: money(progress.remaining, m) })}`}
            </dd>
          </div>
          <div className="figure emphasis">
            <dt>{t('progress.gap')}</dt>
            <dd data-figure="gap">{progress.covered ? t('progress.covered') : money(progress.gap, m)}</dd>
            <dd className="small muted">{progress.covered ? t('progress.coveredHint') : t('progress.gapHint')}</dd>
          </div>
        </dl>
        <div className="objective-meter" aria-hidden="true">
          <span className="planned" style={{ width: width(progress.plannedShare) }} />
          <span className="realised" style={{ width: width(progress.realisedShare) }} />
        </div>
        <p className="small muted">{t('progress.perYear')}</p>
      </>
    );
  }
  const value = (v: string | null) => (v === null ? '—' : measureValue(v, unit ?? ''));
  return (
    <dl className="headline-figures">
      <div className="figure">
        <dt>{t('progress.targetValue')}</dt>
        <dd>{value(progress.target)}</dd>
      </div>
      <div className="figure">
        <dt>{t('progress.current')}</dt>
        <dd data-figure="current">{progress.current === null ? t('progress.noValue') : value(progress.current)}</dd>
        {progress.kpiCount > 0 ? <dd className="small muted">{t('progress.meanOf', { count: progress.kpiCount })}</dd> : null}
      </div>
      <div className="figure emphasis">
        <dt>{t('progress.remaining')}</dt>
        <dd data-figure="remaining">{progress.met ? t('progress.met') : value(progress.remaining)}</dd>
        <dd>
          <GapChip progress={progress} m={m} />
        </dd>
      </div>
    </dl>
  );
}
