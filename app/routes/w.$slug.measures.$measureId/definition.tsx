// A measure's definition: unit, trend, financial value, owner, grouping, GSM, systems, touchpoints.
import { useTranslation } from 'react-i18next';
import { formatPerUnit, useMeasureValue, useUnitLabel, useUnitOne } from '~/components/measures/unit';
import { valuePerUnit } from '~/domain/kpi';
import type { MeasureRow } from '~/server/measures.server';
import { formatMoney, formatNumber } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';

export function MeasureDefinition({
  measure,
  ownerName,
  linkedCards,
}: {
  measure: Omit<MeasureRow, 'archivedAt' | 'createdAt' | 'updatedAt'>;
  ownerName?: string;
  linkedCards: readonly { id: string; title: string; mapName: string; stageName: string }[];
}) {
  const { t } = useTranslation(['measures', 'library']);
  const { workspace } = useWorkspace();
  const unitLabel = useUnitLabel(workspace.currency);
  const unitOne = useUnitOne(workspace.currency);
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const vpu = valuePerUnit(measure.valueAmount, measure.valueStep);
  const unit = unitLabel(measure.unit);
  return (
    <section className="panel" aria-labelledby="definition-heading">
      <h2 id="definition-heading">{t('measure.definition')}</h2>
      <dl className="definition">
        <dt>{t('fields.unit')}</dt>
        <dd>{measure.unit === 'count' ? t('unitNames.count') : unit}</dd>
        <dt>{t('fields.trend')}</dt>
        <dd>{t(`trend.${measure.trend}`)}</dd>
        <dt>{t('fields.financialValue')}</dt>
        <dd>
          {vpu !== null ? (
            <>
              {t('measure.valueSentence', {
                amount: formatMoney(measure.valueAmount!, workspace.currency, workspace.locale),
                step:
                  measure.unit === 'count'
                    ? t('unitCount', { count: Number(measure.valueStep), value: formatNumber(measure.valueStep!, workspace.locale) })
                    : measureValue(measure.valueStep, measure.unit),
              })}{' '}
              <strong>{t('form.vpu', { amount: formatPerUnit(vpu, workspace.currency, workspace.locale), unit: unitOne(measure.unit) })}</strong> ·{' '}
              {t(`impactType.${measure.impactType}`)}
            </>
          ) : (
            <span className="muted">{t('measure.noValue')}</span>
          )}
        </dd>
        <dt>{t('fields.owner')}</dt>
        <dd>{ownerName ?? '—'}</dd>
        <dt>{t('fields.group')}</dt>
        <dd>{measure.group ?? '—'}</dd>
        <dt>{t('fields.tags')}</dt>
        <dd>{measure.tags.length ? measure.tags.join(', ') : '—'}</dd>
        <dt>{t('fields.heartCategory')}</dt>
        <dd>{measure.heartCategory ? t(`heart.${measure.heartCategory}`) : '—'}</dd>
        <dt>{t('fields.family')}</dt>
        <dd>{measure.family ? t(`family.${measure.family}`) : '—'}</dd>
        <dt>{t('fields.gsmGoal')}</dt>
        <dd>{measure.gsmGoal ?? '—'}</dd>
        <dt>{t('fields.gsmSignal')}</dt>
        <dd>{measure.gsmSignal ?? '—'}</dd>
        <dt>{t('fields.systems')}</dt>
        <dd>{measure.systems.length ? measure.systems.join(', ') : '—'}</dd>
        <dt>{t('fields.touchpoints')}</dt>
        <dd>
          {linkedCards.length ? (
            <ul>
              {linkedCards.map((c) => (
                <li key={c.id}>
                  {c.mapName} › {c.stageName} › {c.title}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
      </dl>
    </section>
  );
}
