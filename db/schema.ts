// The whole Parcours schema (DESIGN.md, "Domain model"). Every table that holds workspace data
// carries workspace_id so every query can filter by it; money and measure values are numeric.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  API_SCOPES,
  CHANNELS,
  COMMENT_TARGETS,
  COST_KINDS,
  CRITERION_DIRECTIONS,
  DASHBOARD_AUDIENCES,
  FAMILIES,
  HEART_CATEGORIES,
  IMPACT_MODES,
  IMPACT_TYPES,
  LANE_KINDS,
  LOCALES,
  MAP_CHANGE_KINDS,
  MAP_CHANGE_OPS,
  MAP_STATES,
  NOTIFICATION_KINDS,
  OBJECTIVE_TARGET_KINDS,
  PROJECT_STATUSES,
  ROLES,
  SCENARIO_KINDS,
  SHARE_KINDS,
  TRENDS,
  VALUE_SOURCES,
  WEBHOOK_DELIVERY_STATUSES,
} from './vocabulary';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);
const workspaceRef = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspace.id, { onDelete: 'cascade' });
/** Values of measures and money: exact decimals, returned to JS as strings. */
const amount = (name: string) => numeric(name, { precision: 20, scale: 6 });

export const roleEnum = pgEnum('member_role', ROLES);
export const localeEnum = pgEnum('locale', LOCALES);

// ---------------------------------------------------------------- identity

export const user = pgTable('user', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: localeEnum('locale'),
  createdAt: createdAt(),
});

export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Attempt counters for throttling (sign-in per address and per account, sign-up and invitations
 * per address): one row per key and fixed window, incremented atomically by one upsert, kept in the
 * database so several web processes share the count. */
export const throttle = pgTable('throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  count: integer('count').notNull().default(0),
});

// ---------------------------------------------------------------- workspaces

export const workspace = pgTable('workspace', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  currency: text('currency').notNull().default('EUR'),
  locale: localeEnum('locale').notNull().default('en'),
  /** IANA time zone in which times are shown (validated against Intl on input). Workspaces made
   * before it existed keep UTC, the zone their times were shown in until then. */
  timeZone: text('time_zone').notNull().default('UTC'),
  /** Bumped by the database (statement triggers of the summary-cache-triggers migration) on every write
   * to a table the portfolio figures read: a cached roll-up of an older revision is never served. */
  figuresRevision: bigint('figures_revision', { mode: 'number' }).notNull().default(0),
  version: version(),
  createdAt: createdAt(),
});

export const membership = pgTable(
  'membership',
  {
    workspaceId: workspaceRef(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('membership_pk').on(t.workspaceId, t.userId), index('membership_user_idx').on(t.userId)],
);

export const invitation = pgTable(
  'invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('invitation_workspace_idx').on(t.workspaceId)],
);

export const activity = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    /** Set when the change came through the API: the token is the actor (actor_id stays null). */
    apiTokenId: uuid('api_token_id').references((): AnyPgColumn => apiToken.id, { onDelete: 'set null' }),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    summary: text('summary').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('activity_workspace_at_idx').on(t.workspaceId, t.at)],
);

export const apiScopeEnum = pgEnum('api_scope', API_SCOPES);

/** API tokens: the secret is shown once; only its SHA-256 is kept. Revoking sets revoked_at. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    scope: apiScopeEnum('scope').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_token_workspace_idx').on(t.workspaceId)],
);

/** Answers to API writes sent with an Idempotency-Key, replayed for 24 hours. */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiToken.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    workspaceId: workspaceRef(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: smallint('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_idempotency_pk').on(t.tokenId, t.key), index('api_idempotency_created_idx').on(t.createdAt)],
);

// ---------------------------------------------------------------- journey maps

export const persona = pgTable(
  'persona',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    goals: text('goals').notNull().default(''),
    frustrations: text('frustrations').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('persona_workspace_idx').on(t.workspaceId)],
);

export const mapStateEnum = pgEnum('map_state', MAP_STATES);

export const journeyMap = pgTable(
  'journey_map',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    personaId: uuid('persona_id').references(() => persona.id, { onDelete: 'set null' }),
    state: mapStateEnum('state').notNull().default('current'),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('journey_map_workspace_idx').on(t.workspaceId, t.archivedAt), unique('journey_map_workspace_id_key').on(t.workspaceId, t.id)],
);

export const stage = pgTable(
  'stage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => journeyMap.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    phase: text('phase'),
    position: integer('position').notNull(),
    version: version(),
  },
  (t) => [
    index('stage_map_idx').on(t.mapId, t.position),
    index('stage_workspace_idx').on(t.workspaceId),
    unique('stage_workspace_id_key').on(t.workspaceId, t.id),
  ],
);

export const laneKindEnum = pgEnum('lane_kind', LANE_KINDS);

export const lane = pgTable(
  'lane',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => journeyMap.id, { onDelete: 'cascade' }),
    kind: laneKindEnum('kind').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    version: version(),
  },
  (t) => [index('lane_map_idx').on(t.mapId, t.position), index('lane_workspace_idx').on(t.workspaceId)],
);

export const channelEnum = pgEnum('channel', CHANNELS);

export const card = pgTable(
  'card',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => journeyMap.id, { onDelete: 'cascade' }),
    laneId: uuid('lane_id')
      .notNull()
      .references(() => lane.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => stage.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    channel: channelEnum('channel'),
    system: text('system'),
    position: integer('position').notNull(),
    version: version(),
  },
  (t) => [
    index('card_cell_idx').on(t.laneId, t.stageId, t.position),
    index('card_map_idx').on(t.mapId),
    index('card_workspace_idx').on(t.workspaceId),
    // Lets rows that point at a card require it to be of their own workspace (comment threads).
    unique('card_workspace_id_key').on(t.workspaceId, t.id),
  ],
);

export const emotionPoint = pgTable(
  'emotion_point',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => journeyMap.id, { onDelete: 'cascade' }),
    laneId: uuid('lane_id')
      .notNull()
      .references(() => lane.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => stage.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    note: text('note').notNull().default(''),
    version: version(),
  },
  (t) => [uniqueIndex('emotion_point_cell_idx').on(t.laneId, t.stageId), index('emotion_point_map_idx').on(t.mapId)],
);

// ---------------------------------------------------------------- measures and KPIs

export const trendEnum = pgEnum('trend', TRENDS);
export const impactTypeEnum = pgEnum('impact_type', IMPACT_TYPES);
export const heartEnum = pgEnum('heart_category', HEART_CATEGORIES);
export const familyEnum = pgEnum('measure_family', FAMILIES);

export const measure = pgTable(
  'measure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull().default('count'),
    trend: trendEnum('trend').notNull().default('up'),
    valueAmount: amount('value_amount'),
    valueStep: amount('value_step'),
    impactType: impactTypeEnum('impact_type').notNull().default('revenue'),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    group: text('group'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    heartCategory: heartEnum('heart_category'),
    family: familyEnum('family'),
    gsmGoal: text('gsm_goal'),
    gsmSignal: text('gsm_signal'),
    systems: text('systems')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('measure_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`),
    index('measure_workspace_idx').on(t.workspaceId, t.archivedAt),
    // The indicator plan's and the library's filters: by family, and by tag (array containment).
    index('measure_workspace_family_idx').on(t.workspaceId, t.family),
    index('measure_tags_idx').using('gin', t.tags),
    unique('measure_workspace_id_key').on(t.workspaceId, t.id),
  ],
);

export const measureTouchpoint = pgTable(
  'measure_touchpoint',
  {
    workspaceId: workspaceRef(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measure.id, { onDelete: 'cascade' }),
    cardId: uuid('card_id')
      .notNull()
      .references(() => card.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('measure_touchpoint_pk').on(t.measureId, t.cardId), index('measure_touchpoint_card_idx').on(t.cardId)],
);

export const impactModeEnum = pgEnum('impact_mode', IMPACT_MODES);

export const kpi = pgTable(
  'kpi',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => journeyMap.id, { onDelete: 'cascade' }),
    laneId: uuid('lane_id')
      .notNull()
      .references(() => lane.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => stage.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measure.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    note: text('note').notNull().default(''),
    baselineValue: amount('baseline_value'),
    baselineDate: date('baseline_date', { mode: 'string' }),
    targetValue: amount('target_value'),
    targetDate: date('target_date', { mode: 'string' }),
    impactMode: impactModeEnum('impact_mode').notNull().default('auto'),
    manualAmount: amount('manual_amount'),
    version: version(),
  },
  (t) => [
    index('kpi_cell_idx').on(t.laneId, t.stageId, t.position),
    index('kpi_map_idx').on(t.mapId),
    index('kpi_measure_idx').on(t.measureId),
    index('kpi_workspace_idx').on(t.workspaceId),
    unique('kpi_workspace_id_key').on(t.workspaceId, t.id),
    // A KPI's map, stage and measure are of its own workspace, by the database's own rule: queries
    // that filter the KPI by workspace need not filter what it points at again.
    foreignKey({ name: 'kpi_map_same_workspace_fk', columns: [t.workspaceId, t.mapId], foreignColumns: [journeyMap.workspaceId, journeyMap.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'kpi_stage_same_workspace_fk', columns: [t.workspaceId, t.stageId], foreignColumns: [stage.workspaceId, stage.id] }).onDelete('cascade'),
    foreignKey({ name: 'kpi_measure_same_workspace_fk', columns: [t.workspaceId, t.measureId], foreignColumns: [measure.workspaceId, measure.id] }).onDelete(
      'restrict',
    ),
  ],
);

export const valueSourceEnum = pgEnum('value_source', VALUE_SOURCES);

export const kpiValue = pgTable(
  'kpi_value',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpi.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    value: amount('value').notNull(),
    source: valueSourceEnum('source').notNull().default('manual'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('kpi_value_kpi_date_idx').on(t.kpiId, t.date), index('kpi_value_workspace_idx').on(t.workspaceId)],
);

// ---------------------------------------------------------------- projects

export const projectStatusEnum = pgEnum('project_status', PROJECT_STATUSES);

export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    status: projectStatusEnum('status').notNull().default('idea'),
    startDate: date('start_date', { mode: 'string' }),
    horizonYears: smallint('horizon_years').notNull().default(3),
    discountRate: numeric('discount_rate', { precision: 9, scale: 6 }).notNull().default('0.10'),
    confidence: numeric('confidence', { precision: 9, scale: 6 }).notNull().default('1'),
    /** Share of the run-rate reached in years 1..H, as fractions ('0.5', '1', ...). */
    rampUp: numeric('ramp_up', { precision: 9, scale: 6 })
      .array()
      .notNull()
      .default(sql`'{}'::numeric[]`),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('project_workspace_idx').on(t.workspaceId, t.archivedAt),
    // Lets rows that point at a project require it to be of their own workspace (composite keys).
    unique('project_workspace_id_key').on(t.workspaceId, t.id),
  ],
);

export const costKindEnum = pgEnum('cost_kind', COST_KINDS);

export const projectCost = pgTable(
  'project_cost',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    kind: costKindEnum('kind').notNull(),
    amount: amount('amount').notNull(),
    year: smallint('year').notNull(),
  },
  (t) => [index('project_cost_project_idx').on(t.projectId), index('project_cost_workspace_idx').on(t.workspaceId)],
);

export const projectKpi = pgTable(
  'project_kpi',
  {
    workspaceId: workspaceRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpi.id, { onDelete: 'cascade' }),
    share: numeric('share', { precision: 9, scale: 6 }).notNull().default('1'),
  },
  (t) => [
    uniqueIndex('project_kpi_pk').on(t.projectId, t.kpiId),
    index('project_kpi_kpi_idx').on(t.kpiId),
    index('project_kpi_workspace_idx').on(t.workspaceId),
  ],
);

// ---------------------------------------------------------------- prioritisation

export const criterionDirectionEnum = pgEnum('criterion_direction', CRITERION_DIRECTIONS);

/** A weighted criterion of the workspace's project scoring (strategic fit, risk, effort...). */
export const priorityCriterion = pgTable(
  'priority_criterion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    /** Relative weight, 0 to 100 (0 keeps the criterion without counting it). */
    weight: numeric('weight', { precision: 7, scale: 2 }).notNull().default('1'),
    direction: criterionDirectionEnum('direction').notNull().default('higher_is_better'),
    position: integer('position').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('priority_criterion_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`),
    unique('priority_criterion_workspace_id_key').on(t.workspaceId, t.id),
    check('priority_criterion_weight_range', sql`${t.weight} >= 0 and ${t.weight} <= 100`),
  ],
);

/** A project's score (1-5) on one criterion; both of the row's own workspace, by composite keys. */
export const projectScore = pgTable(
  'project_score',
  {
    workspaceId: workspaceRef(),
    projectId: uuid('project_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    score: smallint('score').notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The page's one query reads a workspace's scores; the project's key serves its cascades.
    uniqueIndex('project_score_pk').on(t.workspaceId, t.projectId, t.criterionId),
    index('project_score_criterion_idx').on(t.workspaceId, t.criterionId),
    foreignKey({
      name: 'project_score_project_same_workspace_fk',
      columns: [t.workspaceId, t.projectId],
      foreignColumns: [project.workspaceId, project.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'project_score_criterion_same_workspace_fk',
      columns: [t.workspaceId, t.criterionId],
      foreignColumns: [priorityCriterion.workspaceId, priorityCriterion.id],
    }).onDelete('cascade'),
    check('project_score_range', sql`${t.score} between 1 and 5`),
  ],
);

export const scenarioKindEnum = pgEnum('scenario_kind', SCENARIO_KINDS);

/**
 * A business case's low / base / high scenario: how it departs from the project's assumptions
 * (app/domain/business-case/scenarios.ts). No row: the default of its kind. Fractions, like project.
 */
export const projectScenario = pgTable(
  'project_scenario',
  {
    workspaceId: workspaceRef(),
    projectId: uuid('project_id').notNull(),
    kind: scenarioKindEnum('kind').notNull(),
    /** Added to the project's confidence: '-0.2' for -20 points. */
    confidenceShift: numeric('confidence_shift', { precision: 9, scale: 6 }).notNull().default('0'),
    /** Replaces the project's ramp-up for years 1..H; empty: the project's own. */
    rampUp: numeric('ramp_up', { precision: 9, scale: 6 })
      .array()
      .notNull()
      .default(sql`'{}'::numeric[]`),
    /** Every cost scaled by 1 + cost_change. */
    costChange: numeric('cost_change', { precision: 9, scale: 6 }).notNull().default('0'),
    /** Share of each KPI's gap gained: '1' for the full gap. */
    targetReach: numeric('target_reach', { precision: 9, scale: 6 }).notNull().default('1'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('project_scenario_project_kind_idx').on(t.projectId, t.kind),
    index('project_scenario_workspace_idx').on(t.workspaceId),
    foreignKey({
      name: 'project_scenario_project_same_workspace_fk',
      columns: [t.workspaceId, t.projectId],
      foreignColumns: [project.workspaceId, project.id],
    }).onDelete('cascade'),
  ],
);

// ---------------------------------------------------------------- objectives

export const objectiveTargetKindEnum = pgEnum('objective_target_kind', OBJECTIVE_TARGET_KINDS);

/**
 * A business objective (seed 001: "define and quantify the business objectives, then the tactics,
 * then the measures"), in a tree of at most three levels (company -> CX programme -> team; the server
 * refuses cycles and a fourth level). Its target is money (an amount and an impact type) or a value
 * of a measure of the library.
 */
export const objective = pgTable(
  'objective',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    targetKind: objectiveTargetKindEnum('target_kind').notNull(),
    targetAmount: amount('target_amount'),
    impactType: impactTypeEnum('impact_type'),
    measureId: uuid('measure_id'),
    targetValue: amount('target_value'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('objective_workspace_idx').on(t.workspaceId, t.name),
    index('objective_parent_idx').on(t.workspaceId, t.parentId),
    index('objective_measure_idx').on(t.workspaceId, t.measureId),
    unique('objective_workspace_id_key').on(t.workspaceId, t.id),
    // A parent with children cannot be deleted (the server says so first); a parent is of the same workspace.
    foreignKey({ name: 'objective_parent_same_workspace_fk', columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
    // A measure that is an objective's target cannot be deleted (the measure library refuses it first).
    foreignKey({ name: 'objective_measure_same_workspace_fk', columns: [t.workspaceId, t.measureId], foreignColumns: [measure.workspaceId, measure.id] }),
    check('objective_period_check', sql`${t.endDate} >= ${t.startDate}`),
    check('objective_not_own_parent_check', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check(
      'objective_target_check',
      sql`(${t.targetKind} = 'money' and ${t.targetAmount} is not null and ${t.impactType} is not null and ${t.measureId} is null and ${t.targetValue} is null)
        or (${t.targetKind} = 'measure' and ${t.measureId} is not null and ${t.targetValue} is not null and ${t.targetAmount} is null and ${t.impactType} is null)`,
    ),
  ],
);

/** The measures an objective is followed by (seed 001's step 3). */
export const objectiveMeasure = pgTable(
  'objective_measure',
  {
    workspaceId: workspaceRef(),
    objectiveId: uuid('objective_id').notNull(),
    measureId: uuid('measure_id').notNull(),
  },
  (t) => [
    uniqueIndex('objective_measure_pk').on(t.objectiveId, t.measureId),
    index('objective_measure_measure_idx').on(t.workspaceId, t.measureId),
    foreignKey({
      name: 'objective_measure_objective_fk',
      columns: [t.workspaceId, t.objectiveId],
      foreignColumns: [objective.workspaceId, objective.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'objective_measure_measure_fk', columns: [t.workspaceId, t.measureId], foreignColumns: [measure.workspaceId, measure.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** The KPIs (a measure at a stage of a map) an objective is followed by. */
export const objectiveKpi = pgTable(
  'objective_kpi',
  {
    workspaceId: workspaceRef(),
    objectiveId: uuid('objective_id').notNull(),
    kpiId: uuid('kpi_id').notNull(),
  },
  (t) => [
    uniqueIndex('objective_kpi_pk').on(t.objectiveId, t.kpiId),
    index('objective_kpi_kpi_idx').on(t.workspaceId, t.kpiId),
    foreignKey({ name: 'objective_kpi_objective_fk', columns: [t.workspaceId, t.objectiveId], foreignColumns: [objective.workspaceId, objective.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'objective_kpi_kpi_fk', columns: [t.workspaceId, t.kpiId], foreignColumns: [kpi.workspaceId, kpi.id] }).onDelete('cascade'),
  ],
);

/** The projects (the tactics) expected to deliver an objective. */
export const objectiveProject = pgTable(
  'objective_project',
  {
    workspaceId: workspaceRef(),
    objectiveId: uuid('objective_id').notNull(),
    projectId: uuid('project_id').notNull(),
  },
  (t) => [
    uniqueIndex('objective_project_pk').on(t.objectiveId, t.projectId),
    index('objective_project_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({
      name: 'objective_project_objective_fk',
      columns: [t.workspaceId, t.objectiveId],
      foreignColumns: [objective.workspaceId, objective.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'objective_project_project_fk', columns: [t.workspaceId, t.projectId], foreignColumns: [project.workspaceId, project.id] }).onDelete(
      'cascade',
    ),
  ],
);

// ---------------------------------------------------------------- dashboards

export const dashboardAudienceEnum = pgEnum('dashboard_audience', DASHBOARD_AUDIENCES);

/** A saved view of chosen measures for one audience; private to its creator unless shared. */
export const dashboard = pgTable(
  'dashboard',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    audience: dashboardAudienceEnum('audience').notNull(),
    /** The audience's name when `audience` is custom; null otherwise. */
    customAudience: text('custom_audience'),
    /** The creator; a shared dashboard outlives their account (any editor may edit it). */
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    shared: boolean('shared').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('dashboard_workspace_idx').on(t.workspaceId, t.shared),
    index('dashboard_owner_idx').on(t.workspaceId, t.ownerId),
    unique('dashboard_workspace_id_key').on(t.workspaceId, t.id),
  ],
);

/** The measures a dashboard shows, in order. Both ends are of the row's own workspace. */
export const dashboardMeasure = pgTable(
  'dashboard_measure',
  {
    workspaceId: workspaceRef(),
    dashboardId: uuid('dashboard_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('dashboard_measure_pk').on(t.dashboardId, t.measureId),
    index('dashboard_measure_order_idx').on(t.dashboardId, t.position),
    index('dashboard_measure_measure_idx').on(t.measureId),
    foreignKey({
      name: 'dashboard_measure_dashboard_same_workspace_fk',
      columns: [t.workspaceId, t.dashboardId],
      foreignColumns: [dashboard.workspaceId, dashboard.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dashboard_measure_measure_same_workspace_fk',
      columns: [t.workspaceId, t.measureId],
      foreignColumns: [measure.workspaceId, measure.id],
    }).onDelete('cascade'),
  ],
);

// ---------------------------------------------------------------- webhooks

/** An owner's subscription: events of the workspace POSTed to a URL, signed with the secret. */
export const webhook = pgTable(
  'webhook',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    url: text('url').notNull(),
    /** A subset of WEBHOOK_EVENTS. */
    events: text('events').array().notNull(),
    /** The HMAC-SHA256 key, shown to the owner once (and after a rotation); the worker needs it in clear. */
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_workspace_idx').on(t.workspaceId), unique('webhook_workspace_id_key').on(t.workspaceId, t.id)],
);

export const webhookDeliveryStatusEnum = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);

/**
 * The outbox: one row per event and subscribed webhook, written in the transaction of the change.
 * The worker claims due rows (status pending, next_attempt_at passed, no live lease) with FOR UPDATE
 * SKIP LOCKED and a lease (locked_until), so several instances never send one row twice at once.
 */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    webhookId: uuid('webhook_id').notNull(),
    event: text('event').notNull(),
    /** The body as sent (json keeps the text and key order of the enqueued document). */
    payload: json('payload').notNull(),
    status: webhookDeliveryStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    foreignKey({
      name: 'webhook_delivery_webhook_same_workspace_fk',
      columns: [t.workspaceId, t.webhookId],
      foreignColumns: [webhook.workspaceId, webhook.id],
    }).onDelete('cascade'),
    unique('webhook_delivery_workspace_id_key').on(t.workspaceId, t.id),
    // The worker's claim: due pending rows in order.
    index('webhook_delivery_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    // The delivery log and the list's last status: a webhook's rows, newest first.
    index('webhook_delivery_log_idx').on(t.webhookId, t.createdAt),
  ],
);

/** One row per try of a delivery: when, how long, the HTTP status or the error. */
export const webhookAttempt = pgTable(
  'webhook_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    deliveryId: uuid('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    httpStatus: smallint('http_status'),
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'webhook_attempt_delivery_same_workspace_fk',
      columns: [t.workspaceId, t.deliveryId],
      foreignColumns: [webhookDelivery.workspaceId, webhookDelivery.id],
    }).onDelete('cascade'),
    uniqueIndex('webhook_attempt_delivery_idx').on(t.deliveryId, t.attempt),
  ],
);

// ---------------------------------------------------------------- comments and notifications
// A thread is about one card, KPI or stage of a map, or one project (exactly one of the four ids,
// named by target_type; map_id is the map of the first three). Every reference is a composite key
// on (workspace_id, id), so a thread, its comments and its notifications can only point at rows of
// their own workspace, and go with the row they are about.

export const commentTargetEnum = pgEnum('comment_target', COMMENT_TARGETS);
export const notificationKindEnum = pgEnum('notification_kind', NOTIFICATION_KINDS);

export const commentThread = pgTable(
  'comment_thread',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    targetType: commentTargetEnum('target_type').notNull(),
    mapId: uuid('map_id'),
    cardId: uuid('card_id'),
    kpiId: uuid('kpi_id'),
    stageId: uuid('stage_id'),
    projectId: uuid('project_id'),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** The newest comment's time: lists show the liveliest threads first. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('comment_thread_workspace_id_key').on(t.workspaceId, t.id),
    check(
      'comment_thread_one_target',
      sql`(${t.cardId} is not null) = (${t.targetType} = 'card') and (${t.kpiId} is not null) = (${t.targetType} = 'kpi') and (${t.stageId} is not null) = (${t.targetType} = 'stage') and (${t.projectId} is not null) = (${t.targetType} = 'project') and (${t.mapId} is null) = (${t.targetType} = 'project')`,
    ),
    foreignKey({ name: 'comment_thread_map_fk', columns: [t.workspaceId, t.mapId], foreignColumns: [journeyMap.workspaceId, journeyMap.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'comment_thread_card_fk', columns: [t.workspaceId, t.cardId], foreignColumns: [card.workspaceId, card.id] }).onDelete('cascade'),
    foreignKey({ name: 'comment_thread_kpi_fk', columns: [t.workspaceId, t.kpiId], foreignColumns: [kpi.workspaceId, kpi.id] }).onDelete('cascade'),
    foreignKey({ name: 'comment_thread_stage_fk', columns: [t.workspaceId, t.stageId], foreignColumns: [stage.workspaceId, stage.id] }).onDelete('cascade'),
    foreignKey({ name: 'comment_thread_project_fk', columns: [t.workspaceId, t.projectId], foreignColumns: [project.workspaceId, project.id] }).onDelete(
      'cascade',
    ),
    // The map's counts and its panel: the open threads of a map, liveliest first.
    index('comment_thread_open_map_idx')
      .on(t.workspaceId, t.mapId, t.lastActivityAt)
      .where(sql`resolved_at is null`),
    // A target's threads (and the cascades when it is deleted).
    index('comment_thread_card_idx')
      .on(t.workspaceId, t.cardId)
      .where(sql`card_id is not null`),
    index('comment_thread_kpi_idx')
      .on(t.workspaceId, t.kpiId)
      .where(sql`kpi_id is not null`),
    index('comment_thread_stage_idx')
      .on(t.workspaceId, t.stageId)
      .where(sql`stage_id is not null`),
    index('comment_thread_project_idx')
      .on(t.workspaceId, t.projectId)
      .where(sql`project_id is not null`),
  ],
);

/** A mention as stored with its comment: who, and the name the text shows after the "@". */
export interface StoredMention {
  userId: string;
  name: string;
}

export const comment = pgTable(
  'comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    threadId: uuid('thread_id').notNull(),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    /** Plain text as typed (never HTML); emptied when the comment is deleted. */
    body: text('body').notNull(),
    mentions: jsonb('mentions').$type<StoredMention[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    /** A deleted comment in a thread that goes on stays as "comment deleted". */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    unique('comment_workspace_id_key').on(t.workspaceId, t.id),
    foreignKey({ name: 'comment_thread_fk', columns: [t.workspaceId, t.threadId], foreignColumns: [commentThread.workspaceId, commentThread.id] }).onDelete(
      'cascade',
    ),
    check('comment_body_length', sql`char_length(${t.body}) <= 4000`),
    index('comment_thread_idx').on(t.threadId, t.createdAt),
  ],
);

export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    /** A member of the workspace: leaving it takes their notifications along. */
    recipientId: text('recipient_id').notNull(),
    kind: notificationKindEnum('kind').notNull(),
    threadId: uuid('thread_id').notNull(),
    commentId: uuid('comment_id').notNull(),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    foreignKey({
      name: 'notification_recipient_fk',
      columns: [t.workspaceId, t.recipientId],
      foreignColumns: [membership.workspaceId, membership.userId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'notification_thread_fk',
      columns: [t.workspaceId, t.threadId],
      foreignColumns: [commentThread.workspaceId, commentThread.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'notification_comment_fk', columns: [t.workspaceId, t.commentId], foreignColumns: [comment.workspaceId, comment.id] }).onDelete(
      'cascade',
    ),
    // One notification per person and comment (a mention wins over a reply).
    uniqueIndex('notification_recipient_comment_idx').on(t.recipientId, t.commentId),
    // The inbox, newest first.
    index('notification_inbox_idx').on(t.workspaceId, t.recipientId, t.createdAt),
    // The bell's count, on every page: the unread ones only.
    index('notification_unread_idx')
      .on(t.workspaceId, t.recipientId)
      .where(sql`read_at is null`),
  ],
);

// ---------------------------------------------------------------- map history

export const mapChangeKindEnum = pgEnum('map_change_kind', MAP_CHANGE_KINDS);
export const mapChangeOpEnum = pgEnum('map_change_op', MAP_CHANGE_OPS);

/**
 * A version of a map: consecutive saves, closed after 10 minutes without one or when someone names
 * it. `seq` orders a map's versions. A named version keeps the map as it was (`snapshot`), so it
 * still opens once the unnamed versions after it are purged (90 days).
 */
export const mapVersion = pgTable(
  'map_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id').notNull(),
    name: text('name'),
    /** The people who saved in it (user ids, first saver first). */
    authorIds: text('author_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastEditAt: timestamp('last_edit_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when named or restored over; an unnamed version also ends 10 minutes after its last edit. */
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** A restore: when the version it brought back ended, and its name (the source may be purged since). */
    restoredFromAt: timestamp('restored_from_at', { withTimezone: true, mode: 'date' }),
    restoredFromName: text('restored_from_name'),
    snapshot: jsonb('snapshot'),
  },
  (t) => [
    foreignKey({
      name: 'map_version_map_same_workspace_fk',
      columns: [t.workspaceId, t.mapId],
      foreignColumns: [journeyMap.workspaceId, journeyMap.id],
    }).onDelete('cascade'),
    unique('map_version_workspace_id_key').on(t.workspaceId, t.id),
    index('map_version_map_idx').on(t.workspaceId, t.mapId, t.seq),
    // The retention purge: a workspace's unnamed versions by age.
    index('map_version_purge_idx')
      .on(t.workspaceId, t.lastEditAt)
      .where(sql`name is null`),
  ],
);

/** One change of one row of a map: the fields it changed, before and after (whole rows for added and removed ones). */
export const mapChange = pgTable(
  'map_change',
  {
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    // The workspace's own foreign key is the version's: no second index to keep per change.
    workspaceId: uuid('workspace_id').notNull(),
    versionId: uuid('version_id').notNull(),
    kind: mapChangeKindEnum('kind').notNull(),
    entityId: uuid('entity_id').notNull(),
    op: mapChangeOpEnum('op').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    foreignKey({
      name: 'map_change_version_same_workspace_fk',
      columns: [t.workspaceId, t.versionId],
      foreignColumns: [mapVersion.workspaceId, mapVersion.id],
    }).onDelete('cascade'),
    index('map_change_version_idx').on(t.versionId, t.seq),
  ],
);

// ---------------------------------------------------------------- share links

export const shareKindEnum = pgEnum('share_kind', SHARE_KINDS);

/**
 * Read-only links to one map, one project's business case or the executive summary, opened without
 * an account at /s/<token>. Only the token's SHA-256 is kept (the link is shown once), and the
 * optional password's argon2id hash. The target is map_id or project_id by kind (none for the
 * summary), each held to the same workspace; deleting the target deletes its links.
 */
export const shareLink = pgTable(
  'share_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    kind: shareKindEnum('kind').notNull(),
    mapId: uuid('map_id'),
    projectId: uuid('project_id'),
    tokenHash: text('token_hash').notNull(),
    passwordHash: text('password_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    foreignKey({
      name: 'share_link_map_same_workspace_fk',
      columns: [t.workspaceId, t.mapId],
      foreignColumns: [journeyMap.workspaceId, journeyMap.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'share_link_project_same_workspace_fk',
      columns: [t.workspaceId, t.projectId],
      foreignColumns: [project.workspaceId, project.id],
    }).onDelete('cascade'),
    check(
      'share_link_target_check',
      sql`(${t.kind} = 'map' and ${t.mapId} is not null and ${t.projectId} is null) or (${t.kind} = 'project' and ${t.projectId} is not null and ${t.mapId} is null) or (${t.kind} = 'summary' and ${t.mapId} is null and ${t.projectId} is null)`,
    ),
    // The public page finds its link by the token's hash.
    uniqueIndex('share_link_token_hash_idx').on(t.tokenHash),
    // Each share panel lists the links of its object (and deleting a map or project finds them).
    index('share_link_map_idx').on(t.workspaceId, t.mapId),
    index('share_link_project_idx').on(t.workspaceId, t.projectId),
    index('share_link_kind_idx').on(t.workspaceId, t.kind),
  ],
);

// ---------------------------------------------------------------- presence

/**
 * Who is viewing which map: one row per open live stream that says it shows a map (a browser tab).
 * The app instance holding the stream refreshes seen_at every 20 s and deletes the row when the
 * stream ends; a row no longer refreshed (its instance died) stops counting after a minute and is
 * swept. The map and the member are of the row's workspace, by the database's own rule.
 */
export const mapPresence = pgTable(
  'map_presence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mapId: uuid('map_id').notNull(),
    userId: text('user_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'map_presence_map_same_workspace_fk',
      columns: [t.workspaceId, t.mapId],
      foreignColumns: [journeyMap.workspaceId, journeyMap.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'map_presence_member_fk',
      columns: [t.workspaceId, t.userId],
      foreignColumns: [membership.workspaceId, membership.userId],
    }).onDelete('cascade'),
    // The viewers of a map (recently seen), and the sweep of rows no longer refreshed.
    index('map_presence_map_idx').on(t.workspaceId, t.mapId, t.seenAt),
    index('map_presence_seen_idx').on(t.seenAt),
  ],
);
