// The JSON export format of a journey map (versioned). The same shape carries a map through
// export -> import, a duplicate, and a template: stages and lanes are listed in order, and cards,
// emotion points and KPIs point at them by index, so positions are implied by array order.
import { z } from 'zod';
import { hasNoNul, IsoDateSchema, nameSchema, StoredDecimalSchema, StoredStepSchema } from './fields';
import { CARD_LANE_KINDS, CHANNELS, IMPACT_MODES, IMPACT_TYPES, LANE_KINDS, MAP_STATES, TRENDS, VALUE_SOURCES, type LaneKind } from './vocabulary';

export const MAP_EXPORT_FORMAT = 'parcours.journey-map';
export const MAP_EXPORT_VERSION = 1;

const text = (max: number) => z.string().max(max).refine(hasNoNul, 'nulCharacter');
const decimal = StoredDecimalSchema;
const isoDate = IsoDateSchema;
const index = z.number().int().min(0);

export const MapExportSchema = z
  .object({
    format: z.literal(MAP_EXPORT_FORMAT),
    version: z.literal(MAP_EXPORT_VERSION),
    exportedAt: z.string().optional(),
    map: z.object({
      name: nameSchema(120),
      description: text(2000).default(''),
      state: z.enum(MAP_STATES).default('current'),
      persona: text(120).nullable().default(null),
    }),
    stages: z.array(z.object({ name: nameSchema(120), description: text(2000).default(''), phase: text(80).nullable().default(null) })).max(100),
    lanes: z.array(z.object({ kind: z.enum(LANE_KINDS), name: nameSchema(120) })).max(50),
    cards: z
      .array(
        z.object({
          lane: index,
          stage: index,
          title: nameSchema(200),
          description: text(4000).default(''),
          channel: z.enum(CHANNELS).nullable().default(null),
          system: text(120).nullable().default(null),
        }),
      )
      .max(5000),
    emotions: z.array(z.object({ lane: index, stage: index, score: z.number().int().min(-2).max(2), note: text(500).default('') })).max(5000),
    kpis: z
      .array(
        z.object({
          lane: index,
          stage: index,
          measure: z.object({
            name: nameSchema(120),
            description: text(2000).default(''),
            unit: nameSchema(40).default('count'),
            trend: z.enum(TRENDS).default('up'),
            valueAmount: decimal.nullable().default(null),
            valueStep: StoredStepSchema.nullable().default(null),
            impactType: z.enum(IMPACT_TYPES).default('revenue'),
          }),
          note: text(2000).default(''),
          baselineValue: decimal.nullable().default(null),
          baselineDate: isoDate.nullable().default(null),
          targetValue: decimal.nullable().default(null),
          targetDate: isoDate.nullable().default(null),
          impactMode: z.enum(IMPACT_MODES).default('auto'),
          manualAmount: decimal.nullable().default(null),
          values: z
            .array(z.object({ date: isoDate, value: decimal, source: z.enum(VALUE_SOURCES).default('manual') }))
            .max(1000)
            .default([]),
        }),
      )
      .max(2000)
      .default([]),
  })
  .superRefine((doc, ctx) => {
    // Every reference must point at a listed stage and a lane of a kind that holds that item.
    const check = (items: { lane: number; stage: number }[], path: string, kinds: readonly LaneKind[]) => {
      items.forEach((item, i) => {
        const lane = doc.lanes[item.lane];
        if (!lane || !kinds.includes(lane.kind) || item.stage >= doc.stages.length) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path, i], message: 'import.badReference' });
        }
      });
    };
    check(doc.cards, 'cards', CARD_LANE_KINDS);
    check(doc.emotions, 'emotions', ['emotions']);
    check(doc.kpis, 'kpis', ['kpi']);
    const seen = new Set<string>();
    doc.emotions.forEach((e, i) => {
      const key = `${e.lane}:${e.stage}`;
      if (seen.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['emotions', i], message: 'import.badReference' });
      seen.add(key);
    });
  });

export type MapExport = z.infer<typeof MapExportSchema>;
export type MapExportInput = z.input<typeof MapExportSchema>;

/** Parses a JSON text into an export document, or says why it is not one. */
export function parseMapExport(json: string): { ok: true; value: MapExport } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'import.notJson' };
  }
  const parsed = MapExportSchema.safeParse(raw);
  if (!parsed.success) {
    const format = (raw as { format?: unknown; version?: unknown } | null) ?? {};
    if (format.format !== MAP_EXPORT_FORMAT) return { ok: false, error: 'import.wrongFormat' };
    if (format.version !== MAP_EXPORT_VERSION) return { ok: false, error: 'import.wrongVersion' };
    return { ok: false, error: 'import.invalid' };
  }
  return { ok: true, value: parsed.data };
}
