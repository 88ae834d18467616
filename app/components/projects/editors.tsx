// Editing controls of a business case page (editors only): cost lines, linked KPIs with their
// shares, and the KPI picker. Plain <Form method="post"> forms that work before JavaScript loads.
import { Form, Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { KpiLineData } from '~/domain/business-case';
import type { NumberLocale } from '~/domain/decimal';
import type { CostKind } from '~/domain/vocabulary';
import { percentInput } from '~/lib/schemas/projects';
import { formatPercent } from '~/lib/format';
import { FormErrors } from '~/components/ui/field';
import { money, type Money } from './figures';

export interface CostRow {
  id: string;
  label: string;
  kind: CostKind;
  amount: string;
  year: number;
}

/** Errors of the last submitted row form, by field, shown beside the fields of that row only. */
export type RowErrors = Record<string, string[] | null | undefined> | undefined;

function amountInput(amount: string, locale: NumberLocale) {
  // '60000.000000' -> '60000' (',' decimals in French)
  const trimmed = amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount;
  return locale === 'fr' ? trimmed.replace('.', ',') : trimmed;
}

function CostFields({ cost, idPrefix, locale, errors }: { cost?: CostRow; idPrefix: string; locale: NumberLocale; errors: RowErrors }) {
  const { t } = useTranslation('projects');
  const { t: te } = useTranslation('errors');
  const err = (name: string) =>
    errors?.[name]?.length ? (
      <ul className="field-errors" id={`${idPrefix}-${name}-error`}>
        {errors[name]!.map((e) => (
          <li key={e}>{te(e)}</li>
        ))}
      </ul>
    ) : null;
  const described = (name: string) => (errors?.[name]?.length ? `${idPrefix}-${name}-error` : undefined);
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-label`}>{t('costs.label')}</label>
        <input id={`${idPrefix}-label`} name="label" defaultValue={cost?.label} required maxLength={120} aria-invalid={!!errors?.label?.length} aria-describedby={described('label')} />
        {err('label')}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>{t('costs.kind')}</label>
        <select id={`${idPrefix}-kind`} name="kind" defaultValue={cost?.kind ?? 'one_off'}>
          <option value="one_off">{t('costs.one_off')}</option>
          <option value="recurring">{t('costs.recurring')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-amount`}>{t('costs.amount')}</label>
        <input
          id={`${idPrefix}-amount`}
          name="amount"
          inputMode="decimal"
          defaultValue={cost ? amountInput(cost.amount, locale) : ''}
          required
          aria-invalid={!!errors?.amount?.length}
          aria-describedby={described('amount')}
        />
        {err('amount')}
      </div>
      <div className="field narrow">
        <label htmlFor={`${idPrefix}-year`}>{t('costs.year')}</label>
        <input
          id={`${idPrefix}-year`}
          name="year"
          type="number"
          min={0}
          max={10}
          defaultValue={cost?.year}
          placeholder={t('costs.yearDefault')}
          aria-invalid={!!errors?.year?.length}
          aria-describedby={described('year')}
        />
        {err('year')}
      </div>
    </>
  );
}

export function CostEditor({
  costs,
  locale,
  m,
  errorsFor,
}: {
  costs: readonly CostRow[];
  locale: NumberLocale;
  m: Money;
  /** Errors of the last submission for a cost id ('new' for the add form). */
  errorsFor: (id: string) => RowErrors;
}) {
  const { t } = useTranslation('projects');
  return (
    <div className="cost-editor">
      {costs.length === 0 ? <p className="muted">{t('costs.empty')}</p> : null}
      {costs.map((c) => (
        <div key={`${c.id}-${c.amount}-${c.label}-${c.kind}-${c.year}`} className="cost-row">
          <Form method="post" className="row" aria-label={t('costs.editOf', { label: c.label })}>
            <input type="hidden" name="intent" value="updateCost" />
            <input type="hidden" name="costId" value={c.id} />
            <CostFields cost={c} idPrefix={`cost-${c.id}`} locale={locale} errors={errorsFor(c.id)} />
            <div className="field actions">
              <button type="submit" className="secondary small">
                {t('costs.save')}
              </button>
            </div>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="deleteCost" />
            <input type="hidden" name="costId" value={c.id} />
            <button type="submit" className="danger small" aria-label={t('costs.deleteOf', { label: c.label, amount: money(c.amount, m) })}>
              {t('costs.delete')}
            </button>
          </Form>
        </div>
      ))}
      <h3>{t('costs.add')}</h3>
      {/* Keyed by the number of lines so that a saved cost empties the form, and a refused one keeps it. */}
      <Form method="post" className="row" aria-label={t('costs.add')} key={costs.length}>
        <input type="hidden" name="intent" value="addCost" />
        <CostFields idPrefix="cost-new" locale={locale} errors={errorsFor('new')} />
        <div className="field actions">
          <button type="submit">{t('costs.addButton')}</button>
        </div>
      </Form>
      <p className="field-hint">{t('costs.hint')}</p>
    </div>
  );
}

export function LinkedKpis({ lines, locale, errors }: { lines: readonly KpiLineData[]; locale: NumberLocale; errors?: string[] }) {
  const { t } = useTranslation('projects');
  const navigation = useNavigation();
  if (lines.length === 0) return <p className="muted">{t('links.empty')}</p>;
  return (
    <>
      <FormErrors errors={errors} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('links.kpi')}</th>
            <th scope="col">{t('links.share')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('links.unlink')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const name = t('breakdown.kpiAt', { measure: l.measureName, stage: l.stageName });
            return (
              <tr key={l.kpiId}>
                <td>
                  {name} <span className="muted small">· {l.mapName}</span>
                  {l.warnings.includes('double_counting') ? (
                    <>
                      {' '}
                      <span className="chip warn">{t('links.totalShare', { total: formatPercent(l.totalShare, locale, 1) })}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Form method="post" className="row compact" key={l.share}>
                    <input type="hidden" name="intent" value="share" />
                    <input type="hidden" name="kpiId" value={l.kpiId} />
                    <label className="visually-hidden" htmlFor={`share-${l.kpiId}`}>
                      {t('links.shareOf', { kpi: name })}
                    </label>
                    <input id={`share-${l.kpiId}`} name="share" inputMode="decimal" defaultValue={percentInput(l.share, locale)} className="share-input" />
                    <span aria-hidden="true">%</span>
                    <button type="submit" className="secondary small" disabled={navigation.state === 'submitting'}>
                      {t('links.saveShare')}
                    </button>
                  </Form>
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="kpiId" value={l.kpiId} />
                    <button type="submit" className="danger small" aria-label={t('links.unlinkOf', { kpi: name })}>
                      {t('links.unlink')}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export interface SearchResult {
  kpiId: string;
  measureName: string;
  unit: string;
  stageName: string;
  mapId: string;
  mapName: string;
}

export function KpiPicker({
  q,
  results,
  linkedIds,
  base,
}: {
  q: string;
  results: readonly SearchResult[];
  linkedIds: ReadonlySet<string>;
  base: string;
}) {
  const { t } = useTranslation('projects');
  return (
    <div className="kpi-picker">
      {/* A GET form: the search works without JavaScript and the URL can be shared. */}
      <Form method="get" className="row" role="search" preventScrollReset>
        <div className="field">
          <label htmlFor="kpi-search">{t('picker.label')}</label>
          <input id="kpi-search" name="q" type="search" defaultValue={q} placeholder={t('picker.placeholder')} />
        </div>
        <div className="field actions">
          <button type="submit" className="secondary">
            {t('picker.search')}
          </button>
        </div>
      </Form>
      {q ? (
        results.length === 0 ? (
          <p className="muted" role="status">
            {t('picker.none', { q })}
          </p>
        ) : (
          <ul className="picker-results" aria-label={t('picker.results', { count: results.length })}>
            {results.map((r) => {
              const name = t('breakdown.kpiAt', { measure: r.measureName, stage: r.stageName });
              return (
                <li key={r.kpiId}>
                  <span>
                    {name} <span className="muted small">· <Link to={`${base}/maps/${r.mapId}`}>{r.mapName}</Link></span>
                  </span>
                  {linkedIds.has(r.kpiId) ? (
                    <span className="chip neutral">{t('picker.linked')}</span>
                  ) : (
                    <Form method="post" className="row compact">
                      <input type="hidden" name="intent" value="link" />
                      <input type="hidden" name="kpiId" value={r.kpiId} />
                      <label className="visually-hidden" htmlFor={`link-share-${r.kpiId}`}>
                        {t('links.shareOf', { kpi: name })}
                      </label>
                      <input id={`link-share-${r.kpiId}`} name="share" inputMode="decimal" defaultValue="100" className="share-input" />
                      <span aria-hidden="true">%</span>
                      <button type="submit" className="small" aria-label={t('picker.linkOf', { kpi: name })}>
                        {t('picker.link')}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </div>
  );
}
