// A KPI as a compact chip in a KPI row cell: measure, current and target values, a status in text
// and colour, and beside it a sparkline of the newest values (decoration: the status says it in
// words). It opens the KPI's settings panel over the map, leaving the map's scroll where it is; the
// panel finds the KPI again (its map item, `data-kpi-id`) to give the focus back. On a shared map it
// opens nothing: it is text.
import { Link } from '@remix-run/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiStatus } from '~/domain/vocabulary';
import { useMeasureValue } from '~/components/measures/unit';
import { CHIP_SPARK, type KpiChipData } from '~/lib/kpi-chip';

const STATUS_TONE: Record<KpiStatus, string> = { met: 'good', on_track: 'good', off_track: 'bad', no_trend: 'neutral' };

export const KpiStatusChip = memo(function KpiStatusChip({ status }: { status: KpiStatus }) {
  const { t } = useTranslation('measures');
  return <span className={`chip ${STATUS_TONE[status]}`}>{t(`status.${status}`)}</span>;
});

export const KpiChip = memo(function KpiChip({
  kpi,
  href,
  currency,
  locale,
  inGrid = false,
}: {
  kpi: KpiChipData;
  /** The KPI's settings; null on a read-only shared map, where the chip is only text. */
  href: string | null;
  currency: string;
  locale: string;
  /** Inside the map's keyboard grid the KPI item is the Tab stop (Enter opens the link). */
  inGrid?: boolean;
}) {
  const { t } = useTranslation('measures');
  const measureValue = useMeasureValue(currency, locale);
  const value = (v: string | null) => measureValue(v, kpi.unit);
  const className = `kpi-chip${kpi.archived ? ' archived' : ''}`;
  const content = (
    <>
      <span className="kpi-chip-name">
        <span aria-hidden={href ? true : undefined}>{kpi.measureName}</span>
        {href ? <span className="visually-hidden">{t('chip.label', { name: kpi.measureName })}</span> : null}
        {kpi.archived ? <span className="muted"> ({t('chip.archived')})</span> : null}
      </span>
      <span className="kpi-chip-values">{`${value(kpi.current)} → ${value(kpi.target)}`}</span>
      <span className="kpi-chip-status">
        <KpiStatusChip status={kpi.status} />
        {kpi.spark ? (
          <svg viewBox={`0 0 ${CHIP_SPARK.width} ${CHIP_SPARK.height}`} aria-hidden="true">
            <path d={kpi.spark} />
          </svg>
        ) : null}
      </span>
    </>
  );
  if (!href) return <span className={className}>{content}</span>;
  return (
    <Link to={href} discover="none" preventScrollReset tabIndex={inGrid ? -1 : undefined} className={className}>
      {/* No aria-label, which would hide the figures and the status: the link's name is its text,
          where it goes said with the measure's name ("NPS: open KPI settings 12 → 20 On track"). */}
      {content}
    </Link>
  );
});
