// The public API's vocabulary in zod: the schemas that validate requests and describe answers, and
// the OpenAPI 3.1 document generated from them (so the document cannot drift from the checks).
// Field rules (uuid, ISO date) come from domain/fields like every form's and the CSV import's.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { IsoDateSchema, UuidSchema, VersionSchema } from '~/domain/fields';
import { checkValueBoth, measureFields } from '~/lib/schemas/measures';
import { MapExportSchema } from '~/domain/map-export';
import { API_SCOPES, IMPACT_TYPES, KPI_STATUSES, MAP_STATES, PROJECT_STATUSES, TRENDS, VALUE_SOURCES } from '~/domain/vocabulary';

extendZodWithOpenApi(z);

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_BATCH_VALUES = 10_000;

// ---------------------------------------------------------------- requests

export const PageQuerySchema = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export const KpiQuerySchema = PageQuerySchema.extend({
  measure: UuidSchema.optional(),
  map: UuidSchema.optional(),
  stage: UuidSchema.optional(),
});

const ProjectStatusQuery = z.enum(PROJECT_STATUSES).optional().openapi({ description: 'Only the projects with this status.' });

export const ProjectQuerySchema = PageQuerySchema.extend({ status: ProjectStatusQuery });

export const SummaryQuerySchema = z.object({ status: ProjectStatusQuery });

export const IdParamSchema = z.object({ id: UuidSchema });

/** A value as JSON: a number, or a decimal string in plain notation (exact, no locale). */
const ValueSchema = z
  .union([z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?$/, 'field.number')])
  .transform((v) => String(v))
  .openapi({ type: 'string', description: 'A decimal, e.g. "42.5" (a JSON number is accepted too).', example: '42.5' });

const PlaceName = z.string().trim().min(1).max(200);

/** A value for a KPI named by its id, or (as a row of the CSV template can) by map, stage and measure names. */
export const KpiValueInputSchema = z
  .object({
    kpi: UuidSchema.optional().openapi({ description: 'The KPI id; or leave it out and give `map`, `stage` and `measure`.' }),
    map: PlaceName.optional().openapi({ description: 'Map name (with `stage` and `measure`, instead of `kpi`)' }),
    stage: PlaceName.optional().openapi({ description: 'Stage name (with `map` and `measure`)' }),
    measure: PlaceName.optional().openapi({ description: 'Measure name (with `map` and `stage`)' }),
    date: IsoDateSchema.openapi({ type: 'string', format: 'date', example: '2025-06-30' }),
    value: ValueSchema,
  })
  .strict()
  .superRefine((row, ctx) => {
    const names = (['map', 'stage', 'measure'] as const).filter((k) => row[k] !== undefined);
    if (row.kpi !== undefined) {
      for (const k of names) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: 'Give either kpi, or map, stage and measure.' });
    } else if (names.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['kpi'], message: 'Give kpi, or map, stage and measure.' });
    } else {
      for (const k of (['map', 'stage', 'measure'] as const).filter((k) => row[k] === undefined))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: 'Required with the other names.' });
    }
  });

export const KpiValueBatchSchema = z
  .object({ values: z.array(KpiValueInputSchema).min(1).max(MAX_BATCH_VALUES) })
  .strict()
  .openapi('KpiValueBatch');

const NameList = z
  .array(z.string().trim().min(1).max(80))
  .max(30)
  .transform((list) => [...new Set(list)]);

/** The measure form's fields and rules (lib/schemas/measures), with JSON lists instead of comma lists. */
const MeasureFieldsSchema = measureFields('en')
  .extend({
    valueAmount: measureFields('en').shape.valueAmount.openapi({ type: 'string', description: 'A decimal: money per step of the measure' }),
    valueStep: measureFields('en').shape.valueStep.openapi({ type: 'string', description: 'A positive decimal' }),
    ownerId: UuidSchema.optional().openapi({ description: 'A member of the workspace' }),
    tags: NameList.default([]),
    systems: NameList.default([]),
    touchpoints: z.array(UuidSchema).max(200).default([]).openapi({ description: 'Touchpoint card ids' }),
  })
  .strict();

/** null clears a field (as an empty form field does); a JSON number is accepted for a decimal. */
const fromJson = (raw: unknown) =>
  raw && typeof raw === 'object' && !Array.isArray(raw)
    ? Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, v === null ? undefined : typeof v === 'number' && (k === 'valueAmount' || k === 'valueStep') ? String(v) : v]),
      )
    : raw;

export const MeasureCreateSchema = z.preprocess(fromJson, MeasureFieldsSchema.superRefine(checkValueBoth)).openapi('MeasureCreate');
export type MeasureCreate = z.output<typeof MeasureCreateSchema>;

export const MeasurePatchSchema = z
  .preprocess(fromJson, MeasureFieldsSchema.partial().extend({ version: VersionSchema.openapi({ description: 'The `version` read; a stale one is 409' }) }))
  .openapi('MeasurePatch');

// ---------------------------------------------------------------- answers

const Decimal = z.string().openapi({ description: 'An exact decimal as a string', example: '1234.5' });
const NullableDecimal = Decimal.nullable();
const Warning = z.object({ code: z.string() }).passthrough();
const Timestamp = z.string().datetime().openapi({ format: 'date-time' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          pointer: z.string(),
          message: z.string(),
          line: z.number().int().optional().openapi({ description: 'For a CSV body: the line of the file (the header is line 1)' }),
          column: z.string().optional().openapi({ description: 'For a CSV body: the column' }),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

export const MeasureSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    description: z.string(),
    unit: z.string(),
    trend: z.enum(TRENDS),
    valueAmount: NullableDecimal,
    valueStep: NullableDecimal,
    impactType: z.enum(IMPACT_TYPES),
    group: z.string().nullable(),
    tags: z.array(z.string()),
    archivedAt: Timestamp.nullable(),
    version: z.number().int().openapi({ description: 'Send it back with a PATCH' }),
  })
  .openapi('Measure');

const Page = <T extends z.ZodTypeAny>(item: T, name: string) => z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const MeasurePageSchema = Page(MeasureSchema, 'MeasurePage');

export const MeasureDetailSchema = MeasureSchema.extend({
  whereUsed: z.array(
    z.object({
      kpiId: z.string().uuid(),
      mapId: z.string().uuid(),
      mapName: z.string(),
      stageName: z.string(),
      target: NullableDecimal,
      current: NullableDecimal,
      status: z.enum(KPI_STATUSES),
    }),
  ),
}).openapi('MeasureDetail');

export const KpiSchema = z
  .object({
    id: z.string().uuid(),
    mapId: z.string().uuid(),
    mapName: z.string(),
    stageId: z.string().uuid(),
    stageName: z.string(),
    measureId: z.string().uuid(),
    measureName: z.string(),
    unit: z.string(),
    target: NullableDecimal,
    current: NullableDecimal,
    status: z.enum(KPI_STATUSES),
  })
  .openapi('Kpi');

export const KpiPageSchema = Page(KpiSchema, 'KpiPage');

export const KpiDetailSchema = KpiSchema.extend({
  note: z.string(),
  trend: z.enum(TRENDS),
  baseline: z.object({ value: NullableDecimal, date: z.string().nullable() }),
  targetDate: z.string().nullable(),
  impact: z.object({
    mode: z.enum(['auto', 'manual']),
    annualAmount: NullableDecimal,
    gap: NullableDecimal,
    valuePerUnit: NullableDecimal,
    reason: z.string().optional(),
  }),
  values: z.array(z.object({ date: z.string(), value: Decimal, source: z.enum(VALUE_SOURCES) })),
}).openapi('KpiDetail');

/** The batch as the KPI CSV template (the import page's format and checks). */
export const KpiValueCsvSchema = z.string().openapi({
  description:
    "The KPI CSV template as the import page reads it: a header naming the columns (`kpi_id`, `date` and `value` at least; `map`, `stage`, `measure`, `unit`, `target` as the template has them), comma or semicolon separated, numbers in the workspace's format. A row names its KPI by `kpi_id`, or leaves it empty and gives `map`, `stage` and `measure`; a `target` sets the KPI's target as an import does. Errors name the line of the file (the header is line 1).",
  example: 'kpi_id,map,stage,measure,unit,date,value,target\n,Onboarding,Sign-up,NPS,pts,2025-06-30,42.5,\n',
});

export const KpiValueBatchResultSchema = z
  .object({ received: z.number().int(), new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() })
  .openapi('KpiValueBatchResult');

const Year = z.object({
  year: z.number().int(),
  benefit: Decimal,
  cost: Decimal,
  net: Decimal,
  cumulative: Decimal,
  discountFactor: Decimal,
  discountedBenefit: Decimal,
  discountedCost: Decimal,
  discountedNet: Decimal,
  cumulativeDiscounted: Decimal,
});

export const BusinessCaseSchema = z
  .object({
    project: z.object({ id: z.string().uuid(), name: z.string(), status: z.string(), startDate: z.string().nullable(), horizonYears: z.number().int() }),
    assumptions: z.object({ discountRate: Decimal, confidence: Decimal, rampUp: z.array(Decimal) }),
    figures: z.object({
      runRateBenefit: Decimal,
      totalBenefit: Decimal,
      totalCost: Decimal,
      netBenefit: Decimal,
      roi: NullableDecimal,
      pvBenefit: Decimal,
      pvCost: Decimal,
      npv: Decimal,
      roiPv: NullableDecimal,
      paybackMonths: NullableDecimal,
      realisedBenefit: NullableDecimal,
    }),
    years: z.array(Year),
    costs: z.array(z.object({ label: z.string(), kind: z.string(), amount: Decimal, year: z.number().int() })),
    kpis: z.array(
      z.object({
        kpiId: z.string().uuid(),
        measureName: z.string(),
        share: Decimal,
        current: NullableDecimal,
        target: NullableDecimal,
        impact: NullableDecimal,
        contribution: NullableDecimal,
      }),
    ),
    warnings: z.array(Warning),
  })
  .openapi('BusinessCase');

export const ProjectSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    status: z.enum(PROJECT_STATUSES),
    ownerName: z.string().nullable(),
    horizonYears: z.number().int(),
    kpiCount: z.number().int(),
    runRateBenefit: Decimal,
    totalBenefit: Decimal,
    totalCost: Decimal,
    netBenefit: Decimal,
    npv: Decimal,
    roi: NullableDecimal.openapi({ description: '(benefit - cost) / cost as a fraction; null without costs' }),
    paybackMonths: NullableDecimal,
    warningCount: z.number().int(),
  })
  .openapi('Project');

export const ProjectPageSchema = Page(ProjectSchema, 'ProjectPage');

export const SummarySchema = z
  .object({
    totals: z.object({
      years: z.array(z.object({ year: z.number().int(), benefit: Decimal, cost: Decimal, net: Decimal, cumulative: Decimal })),
      totalBenefit: Decimal,
      totalCost: Decimal,
      netBenefit: Decimal,
      npv: Decimal.openapi({ description: "Sum of the projects' NPVs, each at its own discount rate" }),
      roi: NullableDecimal,
      paybackMonths: NullableDecimal,
      runRateBenefit: Decimal,
    }),
    counts: z.object({ all: z.number().int(), shown: z.number().int(), positiveNpv: z.number().int() }),
    topMeasures: z.array(z.object({ measureId: z.string().uuid(), measureName: z.string(), value: Decimal, projectCount: z.number().int() })),
    warnings: z.array(z.object({ projectId: z.string().uuid(), projectName: z.string(), warnings: z.array(Warning) })),
  })
  .openapi('Summary');

export const MapSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    description: z.string(),
    state: z.enum(MAP_STATES),
    personaId: z.string().uuid().nullable(),
    personaName: z.string().nullable(),
    archivedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
  })
  .openapi('Map');

export const MapPageSchema = Page(MapSchema, 'MapPage');

/** The map export document (domain/map-export, the format the map page downloads), with the map's id. */
export const MapDocumentSchema = MapExportSchema.innerType().omit({ exportedAt: true }).extend({ id: z.string().uuid() }).openapi('MapDocument');

// ---------------------------------------------------------------- the document

export const ApiScopeSchema = z.enum(API_SCOPES);

/** Every operation of /api/v1, by path; tests check each api.v1.* route module is listed. */
export const API_OPERATIONS: (RouteConfig & { scope: z.infer<typeof ApiScopeSchema> })[] = [];

function op(config: Omit<RouteConfig, 'responses'> & { ok: z.ZodTypeAny; okStatus?: number; scope?: 'read' | 'read_write'; extra?: number[] }) {
  const { ok, okStatus = 200, scope = 'read', extra = [], ...rest } = config;
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
  const responses: RouteConfig['responses'] = {
    [okStatus]: { description: 'OK', content: { 'application/json': { schema: ok } } },
    401: problem('Missing, unknown, expired or revoked token'),
    429: problem('Too many requests for this token (see Retry-After)'),
  };
  if (rest.method === 'get') responses[304] = { description: 'Not modified (If-None-Match matched the ETag)' };
  if (scope === 'read_write') responses[403] = problem('The token may only read');
  for (const status of [400, ...extra])
    responses[status] = problem(
      status === 404
        ? 'Not found in this workspace'
        : status === 413
          ? 'Body too large'
          : status === 415
            ? `Send ${Object.keys(rest.request?.body?.content ?? { 'application/json': null }).join(' or ')}`
            : status === 422
              ? 'Idempotency-Key reused with another request'
              : status === 409
                ? 'Conflict: the name is taken, or the version is stale (the body has the current document)'
                : 'Invalid request',
    );
  API_OPERATIONS.push({ ...rest, responses, scope, security: [{ bearer: [] }] });
}

op({ method: 'get', path: '/api/v1/measures', summary: 'List measures', request: { query: PageQuerySchema }, ok: MeasurePageSchema });
op({
  method: 'get',
  path: '/api/v1/measures/{id}',
  summary: 'One measure with where it is used',
  request: { params: IdParamSchema },
  ok: MeasureDetailSchema,
  extra: [404],
});
op({
  method: 'post',
  path: '/api/v1/measures',
  summary: 'Create a measure',
  scope: 'read_write',
  request: {
    headers: z.object({ 'Idempotency-Key': z.string().max(255).optional() }),
    body: { content: { 'application/json': { schema: MeasureCreateSchema } } },
  },
  ok: MeasureDetailSchema,
  okStatus: 201,
  extra: [409, 413, 415, 422],
});
op({
  method: 'patch',
  path: '/api/v1/measures/{id}',
  summary: 'Change some fields of a measure at a version (optimistic concurrency)',
  scope: 'read_write',
  request: {
    params: IdParamSchema,
    headers: z.object({ 'Idempotency-Key': z.string().max(255).optional() }),
    body: { content: { 'application/json': { schema: MeasurePatchSchema } } },
  },
  ok: MeasureDetailSchema,
  extra: [404, 409, 413, 415, 422],
});
op({ method: 'get', path: '/api/v1/kpis', summary: 'List KPIs (filter by measure, map, stage)', request: { query: KpiQuerySchema }, ok: KpiPageSchema });
op({
  method: 'get',
  path: '/api/v1/kpis/{id}',
  summary: 'One KPI: values, status, impact',
  request: { params: IdParamSchema },
  ok: KpiDetailSchema,
  extra: [404],
});
op({
  method: 'post',
  path: '/api/v1/kpi-values',
  summary: 'Record a batch of KPI values, each naming its KPI by id or by map, stage and measure (all or nothing; same date replaces)',
  description: `Up to ${MAX_BATCH_VALUES} values, as JSON or as the KPI CSV template (\`text/csv\`). Either way every row is checked first and nothing is written unless all are valid; a value for a date the KPI already has replaces it. An \`Idempotency-Key\` replays the first answer for 24 hours.`,
  scope: 'read_write',
  request: {
    headers: z.object({ 'Idempotency-Key': z.string().max(255).optional() }),
    body: { content: { 'application/json': { schema: KpiValueBatchSchema }, 'text/csv': { schema: KpiValueCsvSchema } } },
  },
  ok: KpiValueBatchResultSchema,
  extra: [413, 415, 422],
});
op({
  method: 'get',
  path: '/api/v1/projects/{id}/business-case',
  summary: "A project's business case (exact decimals as strings)",
  request: { params: IdParamSchema },
  ok: BusinessCaseSchema,
  extra: [404],
});
op({
  method: 'get',
  path: '/api/v1/projects',
  summary: 'List the live projects with status, NPV and ROI (exact decimals as strings)',
  request: { query: ProjectQuerySchema },
  ok: ProjectPageSchema,
});
op({
  method: 'get',
  path: '/api/v1/summary',
  summary: 'The portfolio roll-up of the executive summary',
  request: { query: SummaryQuerySchema },
  ok: SummarySchema,
});
op({ method: 'get', path: '/api/v1/maps', summary: 'List journey maps', request: { query: PageQuerySchema }, ok: MapPageSchema });
op({
  method: 'get',
  path: '/api/v1/maps/{id}',
  summary: 'One map as its export document: stages, lanes, cards, emotions, KPIs with values',
  request: { params: IdParamSchema },
  ok: MapDocumentSchema,
  extra: [404],
});

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (pk_...) made in the workspace settings',
  });
  for (const { scope: _scope, ...route } of API_OPERATIONS) registry.registerPath(route);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Parcours API', version: '1.0.0', description: 'KPI values in, measures, KPIs and business cases out. The workspace is the token’s.' },
    servers: [{ url: '/' }],
  });
}
