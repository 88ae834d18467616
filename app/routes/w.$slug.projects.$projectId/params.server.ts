// What the business case route reads from its address: the project's id (anything but a uuid is a
// 404); the KPI picker's words and page size are read by lib/schemas/kpi-picker.ts.
import { IdSchema } from '~/lib/schemas/projects';
import { notFound } from '~/server/http.server';

export function projectIdOf(params: Record<string, string | undefined>) {
  const parsed = IdSchema.safeParse(params.projectId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
