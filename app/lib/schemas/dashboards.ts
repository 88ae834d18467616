// Forms of saved dashboards, shared by the actions and the components: a dashboard's details
// (name, audience, custom label, shared) and the changes to its measures. Every change names the
// version it was based on.
import { z } from 'zod';
import { nameSchema, UuidSchema, VersionSchema } from '~/domain/fields';
import { DASHBOARD_AUDIENCES } from '~/domain/vocabulary';

const choose = { errorMap: () => ({ message: 'field.choose' }) };

const DashboardFields = {
  name: nameSchema(80),
  audience: z.enum(DASHBOARD_AUDIENCES, choose),
  customAudience: z.string().trim().max(60, 'field.tooLong').optional(),
  /** A checkbox: present ('on') when ticked. */
  shared: z
    .enum(['on'])
    .optional()
    .transform((v) => v === 'on'),
};

type Fields = { audience: string; customAudience?: string };

/** A custom audience needs its label; another audience keeps none. */
function normaliseAudience<T extends Fields>(v: T, ctx: z.RefinementCtx): T & { customAudience: string | null } {
  if (v.audience === 'custom' && !v.customAudience) {
    ctx.addIssue({ code: 'custom', path: ['customAudience'], message: 'dashboards.customAudience' });
    return z.NEVER;
  }
  return { ...v, customAudience: v.audience === 'custom' ? v.customAudience! : null };
}

export const DashboardCreateSchema = z.object({ intent: z.literal('create'), ...DashboardFields }).transform(normaliseAudience);
export const DashboardUpdateSchema = z.object({ intent: z.literal('update'), version: VersionSchema, ...DashboardFields }).transform(normaliseAudience);
export type DashboardInput = Omit<z.output<typeof DashboardCreateSchema>, 'intent'>;

export const DashboardAddMeasureSchema = z.object({ intent: z.literal('addMeasure'), version: VersionSchema, measureId: UuidSchema });
export const DashboardRemoveMeasureSchema = z.object({ intent: z.literal('removeMeasure'), version: VersionSchema, measureId: UuidSchema });
export const DashboardMoveMeasureSchema = z.object({
  intent: z.literal('moveMeasure'),
  version: VersionSchema,
  measureId: UuidSchema,
  direction: z.enum(['up', 'down'], choose),
});
export const DashboardDeleteSchema = z.object({ intent: z.literal('delete'), version: VersionSchema });
