// Forms of the objectives feature, shared by the actions and the components. Amounts and target
// values are typed in the workspace locale ("400 000", "45,5" in French). Messages are keys of the
// "errors" namespace.
import { z } from 'zod';
import type { NumberLocale } from '~/domain/decimal';
import { decimalField, IsoDateSchema, nameSchema, UuidSchema, VersionSchema } from '~/domain/fields';
import { IMPACT_TYPES, OBJECTIVE_TARGET_KINDS } from '~/domain/vocabulary';

export const ObjectiveIdSchema = UuidSchema;

/** What an objective links to, in the order its page shows them. */
export const OBJECTIVE_LINK_KINDS = ['project', 'kpi', 'measure'] as const;
export type ObjectiveLinkKind = (typeof OBJECTIVE_LINK_KINDS)[number];

/** At most this many items are linked by one submission (a picker page). */
export const MAX_LINKS_AT_ONCE = 500;

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), UuidSchema.optional());

/** The objective form: name, owner, period, parent, and a target in money or in a measure. */
export function objectiveSchema(locale: NumberLocale) {
  return z
    .object({
      intent: z.enum(['create', 'update']),
      version: VersionSchema.optional(),
      name: nameSchema(160),
      description: z.string().trim().max(4000, 'field.tooLong').default(''),
      ownerId: z.string().max(100).optional(),
      parentId: optionalId,
      startDate: IsoDateSchema,
      endDate: IsoDateSchema,
      targetKind: z.enum(OBJECTIVE_TARGET_KINDS, { errorMap: () => ({ message: 'field.choose' }) }),
      targetAmount: decimalField(locale),
      impactType: z.enum(IMPACT_TYPES, { errorMap: () => ({ message: 'field.choose' }) }).optional(),
      measureId: optionalId,
      targetValue: decimalField(locale),
    })
    .superRefine((v, ctx) => {
      // A refinement also sees what a failed transform left (not a string): that is already reported.
      const need = (path: string, present: unknown) => {
        if (present === undefined) ctx.addIssue({ code: 'custom', path: [path], message: 'field.required' });
      };
      if (v.intent === 'update') need('version', v.version);
      if (v.startDate && v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'objectives.periodOrder' });
      if (v.targetKind === 'money') {
        need('targetAmount', v.targetAmount);
        need('impactType', v.impactType);
        if (typeof v.targetAmount === 'string' && v.targetAmount.startsWith('-'))
          ctx.addIssue({ code: 'custom', path: ['targetAmount'], message: 'field.range' });
      } else {
        need('measureId', v.measureId);
        need('targetValue', v.targetValue);
      }
    })
    .transform(({ intent: _intent, version, targetKind, targetAmount, impactType, measureId, targetValue, ...rest }) => ({
      ...rest,
      version,
      target:
        targetKind === 'money'
          ? { kind: 'money' as const, amount: targetAmount!, impactType: impactType! }
          : { kind: 'measure' as const, measureId: measureId!, value: targetValue! },
    }));
}

export type ObjectiveInput = Omit<z.output<ReturnType<typeof objectiveSchema>>, 'version'>;

export const DeleteObjectiveSchema = z.object({ intent: z.literal('delete'), version: VersionSchema });

/** Links one or several measures, KPIs or projects (the picker's ticked boxes), all or none. */
export const LinkSchema = z.object({
  intent: z.literal('link'),
  version: VersionSchema,
  kind: z.enum(OBJECTIVE_LINK_KINDS, { errorMap: () => ({ message: 'field.choose' }) }),
  ids: z
    .array(UuidSchema, { required_error: 'objectives.pickOne' })
    .min(1, 'objectives.pickOne')
    .max(MAX_LINKS_AT_ONCE, 'field.range')
    .transform((ids) => [...new Set(ids)]),
});

export const UnlinkSchema = z.object({
  intent: z.literal('unlink'),
  version: VersionSchema,
  kind: z.enum(OBJECTIVE_LINK_KINDS, { errorMap: () => ({ message: 'field.choose' }) }),
  id: UuidSchema,
});
