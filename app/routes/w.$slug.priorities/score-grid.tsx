// Editors score the projects of the table's page: one row per project, one 1-5 choice per
// criterion (empty: not scored), saved by the row's own button. Each row is a plain form (its
// choices join it by their `form` attribute), so it works before JavaScript loads. Every choice
// carries the version of the score it shows: a save after someone else's is refused, never lost.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormErrors } from '~/components/ui/field';
import { TableScroll } from '~/components/ui/table-scroll';
import { MAX_CRITERION_SCORE, MIN_CRITERION_SCORE } from '~/domain/vocabulary';
import { answerFor } from '~/lib/action-result';
import { formatNumber } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { Priorities } from '~/server/priorities.server';

type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;

const CHOICES = Array.from({ length: MAX_CRITERION_SCORE - MIN_CRITERION_SCORE + 1 }, (_, i) => MIN_CRITERION_SCORE + i);

export function ScoreGrid({ rows, criteria, answer }: { rows: Priorities['rows']; criteria: Priorities['criteria']; answer: Answer }) {
  const { t } = useTranslation('priorities');
  const { workspace } = useWorkspace();
  return (
    <section className="panel" aria-labelledby="scoring-heading">
      <h2 id="scoring-heading">{t('scoring.title')}</h2>
      {criteria.length === 0 ? (
        <p className="muted">{t('scoring.noCriteria')}</p>
      ) : (
        <>
          <p className="muted small">{t('scoring.lead')}</p>
          <TableScroll>
            <table className="data records score-grid">
              <thead>
                <tr>
                  <th scope="col">{t('table.columns.name')}</th>
                  {criteria.map((c) => (
                    <th scope="col" key={c.id}>
                      {c.name}
                      <div className="muted small">{t(`criteria.directions.${c.direction}`)}</div>
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('table.columns.score')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('scoring.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const formId = `score-${r.id}`;
                  const mine = answerFor(answer, 'score', r.id);
                  return (
                    <tr key={r.id}>
                      <th scope="row" className="record-name">
                        {r.name}
                      </th>
                      {criteria.map((c) => {
                        const saved = r.scores[c.id];
                        return (
                          <td key={c.id} data-label={c.name}>
                            <select
                              key={`${c.id}-${saved?.version ?? 0}`}
                              form={formId}
                              name={`scores[${criteria.indexOf(c)}].score`}
                              defaultValue={saved ? String(saved.score) : ''}
                              aria-label={t('scoring.scoreOf', { criterion: c.name, project: r.name })}
                            >
                              <option value="">{t('scoring.none')}</option>
                              {CHOICES.map((n) => (
                                <option key={n} value={n}>
                                  {formatNumber(n, workspace.locale)}
                                </option>
                              ))}
                            </select>
                          </td>
                        );
                      })}
                      <td className="num" data-label={t('table.columns.score')}>
                        {r.score === null ? <span className="muted">{t('table.noScore')}</span> : formatNumber(r.score, workspace.locale, 1)}
                      </td>
                      <td className="record-actions">
                        <Form method="post" id={formId} className="inline-form" preventScrollReset>
                          <input type="hidden" name="intent" value="score" />
                          <input type="hidden" name="projectId" value={r.id} />
                          {criteria.map((c, i) => (
                            <span key={c.id} hidden>
                              <input type="hidden" name={`scores[${i}].criterionId`} value={c.id} />
                              <input type="hidden" name={`scores[${i}].version`} value={r.scores[c.id]?.version ?? ''} />
                            </span>
                          ))}
                          <button type="submit" className="secondary small" aria-label={t('scoring.saveFor', { name: r.name })}>
                            {t('scoring.save')}
                          </button>
                        </Form>
                        <div aria-live="polite" className="small">
                          {mine?.status === 'done' ? <span className="chip good">{t('scoring.saved')}</span> : null}
                          {mine?.status === 'stale' ? <FormErrors errors={['staleVersion']} /> : null}
                          {mine?.status === 'invalid' ? <FormErrors errors={['priorities.score']} /> : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
