// What the business case page shows: the case, its saved scenarios, its comment threads, the KPI
// picker's page (editors) and the members (the owner picker and the comments' mention list).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { kpiPickerQuery, KPI_PICKER_PAGE } from '~/lib/schemas/kpi-picker';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { threadsOn } from '~/server/comments.server';
import * as projects from '~/server/projects.server';
import { valueOr404 } from '~/server/result.server';
import * as scenarios from '~/server/scenarios.server';
import { listMembers } from '~/server/workspaces.server';
import { projectIdOf } from './params.server';

export async function loadBusinessCasePage({ request, params }: Pick<LoaderFunctionArgs, 'request' | 'params'>) {
  const { workspace, role } = await requireMember(request, params.slug);
  const projectId = projectIdOf(params);
  const [loaded, savedScenarios, threads] = await Promise.all([
    projects.loadBusinessCase(workspace.id, projectId, todayIn(workspace.timeZone)),
    scenarios.loadScenarios(workspace.id, projectId),
    threadsOn(workspace.id, { type: 'project', id: projectId }),
  ]);
  const businessCase = valueOr404(loaded);
  const { q, shown } = kpiPickerQuery(new URL(request.url));
  const canEdit = role !== 'viewer';
  const [picker, members] = await Promise.all([
    canEdit ? projects.browseKpis(workspace.id, q, shown) : { results: [], total: 0 },
    // The owner picker (editors) and the comments' mention list (everyone).
    listMembers(workspace.id),
  ]);
  return {
    ...businessCase,
    scenarios: savedScenarios,
    picker: { q, shown, ...picker },
    pickerStep: KPI_PICKER_PAGE,
    members: members.map((mb) => ({ id: mb.userId, name: mb.displayName })),
    threads,
  };
}
