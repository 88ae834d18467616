// Prioritisation, for executives: the value/effort matrix of the portfolio, the same figures as a
// sortable, paged table (the matrix's accessible and no-JavaScript form), the weighted scores and
// their ranking, the scoring of the projects (editors) and the criteria (owners).
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { money } from '~/components/projects/figures';
import { ValueEffortMatrix } from '~/components/priorities/value-effort-matrix';
import { useLiveData } from '~/lib/live';
import { pageTitle } from '~/lib/page-title';
import { DeleteCriterionSchema, ScoreProjectSchema, criterionSchema, prioritiesQuery } from '~/lib/schemas/priorities';
import { todayIn } from '~/lib/time-zone';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest, forbidden } from '~/server/http.server';
import { createCriterion, deleteCriterion, loadPriorities, setProjectScores, updateCriterion } from '~/server/priorities.server';
import { reply, replyInvalid } from '~/server/result.server';
import styles from '~/styles/priorities.css?url';
import { CriteriaPanel } from './criteria-panel';
import { PrioritiesTable } from './priorities-table';
import { ScoreGrid } from './score-grid';
import { MatrixToolbar, useAxisLabels } from './toolbar';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const handle = { i18n: ['priorities', 'projects'] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'priorities');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const query = prioritiesQuery(new URL(request.url).searchParams);
  return { ...(await loadPriorities(workspace.id, query, todayIn(workspace.timeZone))), query };
}

const CRITERION_INTENTS = new Set(['createCriterion', 'updateCriterion', 'deleteCriterion']);
/** The id of the row a form is about, so the page shows the answer beside that form only. */
const rowIdOf = (value: FormDataEntryValue | null, fallback: string) => (typeof value === 'string' && value ? value.slice(0, 40) : fallback);

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user, role } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (intent === 'score') {
    const extra = { rowId: rowIdOf(formData.get('projectId'), 'none') };
    const s = parseWithZod(formData, { schema: ScoreProjectSchema });
    if (s.status !== 'success') return replyInvalid(intent, s, extra);
    return reply(intent, await setProjectScores(workspace.id, user.id, s.value.projectId, s.value.scores), s, extra);
  }
  if (typeof intent !== 'string' || !CRITERION_INTENTS.has(intent)) throw badRequest();
  // Criteria are the workspace's rules of the game: its owners set them.
  if (role !== 'owner') throw forbidden();
  const extra = { rowId: rowIdOf(formData.get('criterionId'), 'new') };
  if (intent === 'deleteCriterion') {
    const s = parseWithZod(formData, { schema: DeleteCriterionSchema });
    if (s.status !== 'success') return replyInvalid(intent, s, extra);
    return reply(intent, await deleteCriterion(workspace.id, user.id, s.value.criterionId), s, extra);
  }
  const s = parseWithZod(formData, { schema: criterionSchema(workspace.locale) });
  if (s.status !== 'success') return replyInvalid(intent, s, extra);
  const { name, weight, direction } = s.value;
  if (s.value.intent === 'createCriterion') return reply(intent, await createCriterion(workspace.id, user.id, { name, weight, direction }), s, extra);
  return reply(intent, await updateCriterion(workspace.id, user.id, s.value.criterionId, s.value.version, { name, weight, direction }), s, extra);
}

export default function PrioritiesRoute() {
  const { criteria, rows, page, bubbles, others, scoredCount, counts, query } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { workspace, canEdit, isOwner } = useWorkspace();
  useLiveData({ figures: true });
  const { t } = useTranslation('priorities');
  const m = useMemo(() => ({ currency: workspace.currency, locale: workspace.locale }), [workspace.currency, workspace.locale]);
  const { valueLabel, sizeLabel } = useAxisLabels(query);
  const base = `/w/${workspace.slug}`;

  return (
    <div className="priorities">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('lead')}</p>
        </div>
        <div className="row no-print">
          <Link className="button secondary" to={`${base}/summary`}>
            {t('toSummary')}
          </Link>
        </div>
      </div>

      {counts.all === 0 ? (
        <section className="panel" aria-labelledby="empty-heading">
          <h2 id="empty-heading">{t('empty.title')}</h2>
          <p>{t('empty.lead')}</p>
          <Link className="button" to={`${base}/projects`}>
            {t('empty.action')}
          </Link>
        </section>
      ) : (
        <>
          <MatrixToolbar query={query} />
          <section className="panel" aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">{t('matrix.title')}</h2>
            {bubbles.length === 0 ? (
              <p className="muted">{t('table.noneWithStatus')}</p>
            ) : (
              <>
                {others ? <p className="muted small">{t('matrix.shown', { shown: bubbles.length, count: counts.shown, value: valueLabel })}</p> : null}
                <ValueEffortMatrix bubbles={bubbles} sizeBy={query.size} valueLabel={valueLabel} sizeLabel={sizeLabel} m={m} />
                {others ? (
                  <p className="matrix-others">
                    {t('matrix.others', { count: others.count, cost: money(others.cost, m), value: valueLabel, amount: money(others.value, m) })}
                  </p>
                ) : null}
                {query.size === 'score' && scoredCount < counts.shown ? <p className="muted small">{t('matrix.unscoredSmallest')}</p> : null}
              </>
            )}
          </section>
          <PrioritiesTable rows={rows} page={page} query={query} criteriaCount={criteria.length} m={m} base={base} />
          {canEdit ? <ScoreGrid rows={rows} criteria={criteria} answer={answer} /> : null}
        </>
      )}
      <CriteriaPanel criteria={criteria} isOwner={isOwner} answer={answer} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
