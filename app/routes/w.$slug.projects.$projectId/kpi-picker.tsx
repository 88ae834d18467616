// The KPI picker of a business case: a GET form over the workspace's KPIs. With no words it lists
// them all, by map then stage, the first ones with "Show more"; words narrow the list. KPIs the
// project already counts on are marked; the others have a link form with a share. Works before
// JavaScript loads, and the URL (?q=…&shown=…) can be shared.
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { NumberLocale } from '~/domain/decimal';
import type { ActionReply } from '~/lib/action-result';
import { ShareForm } from './kpi-links';

export interface PickerKpi {
  kpiId: string;
  measureName: string;
  unit: string;
  stageName: string;
  mapId: string;
  mapName: string;
}

export interface PickerPage {
  q: string;
  /** How many the page asked for; `results` holds at most that many of `total`. */
  shown: number;
  results: readonly PickerKpi[];
  total: number;
}

/** Consecutive results of one map (they come sorted by map). */
function byMap(results: readonly PickerKpi[]) {
  const groups: { mapId: string; mapName: string; kpis: PickerKpi[] }[] = [];
  for (const r of results) {
    const last = groups[groups.length - 1];
    if (last && last.mapId === r.mapId) last.kpis.push(r);
    else groups.push({ mapId: r.mapId, mapName: r.mapName, kpis: [r] });
  }
  return groups;
}

export function KpiPicker({
  page,
  step,
  linkedIds,
  base,
  locale,
  reply,
}: {
  page: PickerPage;
  /** How many more "Show more" asks for. */
  step: number;
  linkedIds: ReadonlySet<string>;
  base: string;
  locale: NumberLocale;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('projects');
  const { q, results, total } = page;
  const more = new URLSearchParams({ ...(q ? { q } : {}), shown: String(page.shown + step) });
  return (
    <div className="kpi-picker">
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
        {q ? (
          <div className="field actions">
            <Link to="." preventScrollReset className="button secondary">
              {t('picker.showAll')}
            </Link>
          </div>
        ) : null}
      </Form>
      {results.length === 0 ? (
        <p className="muted" role="status">
          {q ? (
            t('picker.none', { q })
          ) : (
            <>
              {t('picker.noKpis')} <Link to={`${base}/maps`}>{t('picker.toMaps')}</Link>
            </>
          )}
        </p>
      ) : (
        <>
          <p className="muted small" id="picker-count" role="status">
            {q ? t('picker.results', { count: total }) : t('picker.all', { count: total })}
            {results.length < total ? ` · ${t('picker.showing', { shown: results.length, total })}` : ''}
          </p>
          <ul className="picker-groups" aria-labelledby="picker-count">
            {byMap(results).map((group) => (
              <li key={group.mapId}>
                <h4 className="picker-map" id={`picker-map-${group.mapId}`}>
                  <Link to={`${base}/maps/${group.mapId}`}>{group.mapName}</Link>
                </h4>
                <ul className="picker-results" aria-labelledby={`picker-map-${group.mapId}`}>
                  {group.kpis.map((r) => {
                    const name = t('breakdown.kpiAt', { measure: r.measureName, stage: r.stageName });
                    return (
                      <li key={r.kpiId}>
                        <span>
                          {r.measureName} <span className="muted small">· {r.stageName}</span>
                        </span>
                        {linkedIds.has(r.kpiId) ? (
                          <span className="chip neutral">{t('picker.linked')}</span>
                        ) : (
                          <ShareForm intent="link" kpiId={r.kpiId} share="100" label={t('links.shareOf', { kpi: name })} locale={locale} reply={reply}>
                            <button type="submit" className="small" aria-label={t('picker.linkOf', { kpi: name })}>
                              {t('picker.link')}
                            </button>
                          </ShareForm>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {results.length < total ? (
            <p>
              <Link to={`?${more.toString()}`} preventScrollReset replace className="button secondary">
                {t('picker.showMore')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
