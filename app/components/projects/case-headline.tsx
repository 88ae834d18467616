// The headline figures of the business case as the what-if panel has them, with the realised
// benefit once the project has started.
import { useTranslation } from 'react-i18next';
import { Headline, money, type Money } from '~/components/projects/figures';
import type { BusinessCase } from '~/domain/business-case';

export function HeadlinePanel({
  businessCase,
  changed,
  realisedTotal,
  started,
  empty,
  m,
}: {
  businessCase: BusinessCase;
  /** The what-if assumptions differ from the saved ones. */
  changed: boolean;
  realisedTotal: string | null;
  started: boolean;
  /** No KPI linked and no cost yet: there is nothing to compute. */
  empty: boolean;
  m: Money;
}) {
  const { t } = useTranslation('projects');
  return (
    <section className="panel" aria-labelledby="headline-heading">
      <h2 id="headline-heading">{t('headline')}</h2>
      {changed ? (
        <p className="notice warn" role="status">
          {t('whatIf.unsaved')}
        </p>
      ) : null}
      {empty ? <p className="muted">{t('emptyCase')}</p> : <Headline businessCase={businessCase} m={m} />}
      {realisedTotal !== null && started ? (
        <p>{t('realised.total', { amount: money(realisedTotal, m), plan: money(businessCase.runRateBenefit, m) })}</p>
      ) : null}
    </section>
  );
}
