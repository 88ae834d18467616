// Every closed vocabulary lives here once, in db/ with no imports, so db/schema.ts (whose pgEnums it
// feeds) never depends on app/; the app reads it through app/domain/vocabulary.ts.
// Changing a list changes a PostgreSQL enum: it needs a migration (`npm run db:generate`).

// ---------------------------------------------------------------- people and workspaces

/** pgEnum member_role. */
export const ROLES = ['owner', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** pgEnum locale: the languages of the interface, of a workspace and of number formats. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

// ---------------------------------------------------------------- journey maps

/** pgEnum map_state. */
export const MAP_STATES = ['current', 'future'] as const;
export type MapState = (typeof MAP_STATES)[number];

/** pgEnum lane_kind, in the order the "add a lane" menu offers them. */
export const LANE_KINDS = ['touchpoints', 'actions', 'thoughts', 'emotions', 'pain_points', 'opportunities', 'backstage', 'kpi', 'text'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

/** Lane kinds whose cells hold cards (the emotion lane holds scores, the KPI row holds KPIs). */
export const CARD_LANE_KINDS = [
  'touchpoints',
  'actions',
  'thoughts',
  'pain_points',
  'opportunities',
  'backstage',
  'text',
] as const satisfies readonly LaneKind[];
export type CardLaneKind = (typeof CARD_LANE_KINDS)[number];

/** pgEnum channel (of a touchpoint card). */
export const CHANNELS = ['web', 'mobile_app', 'email', 'phone', 'chat', 'store', 'social', 'mail', 'in_person', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

// ---------------------------------------------------------------- measures and KPIs

/** pgEnum trend: which way is better. */
export const TRENDS = ['up', 'down'] as const;
export type Trend = (typeof TRENDS)[number];

/** pgEnum impact_type. */
export const IMPACT_TYPES = ['revenue', 'cost_saving'] as const;
export type ImpactType = (typeof IMPACT_TYPES)[number];

/** pgEnum heart_category (Google's HEART framework). */
export const HEART_CATEGORIES = ['happiness', 'engagement', 'adoption', 'retention', 'task_success'] as const;
export type HeartCategory = (typeof HEART_CATEGORIES)[number];

/** pgEnum measure_family. */
export const FAMILIES = ['business_performance', 'user_adoption', 'customer_perception'] as const;
export type Family = (typeof FAMILIES)[number];

/** The units the measure form offers and the interface translates; measure.unit is free text, so a
 * stored unit may be any short string (shown as typed). Not a pgEnum. */
export const UNITS = ['pts', '%', 'count', 'currency', 'seconds', 'minutes', 'hours', 'days'] as const;
export type KnownUnit = (typeof UNITS)[number];

/** pgEnum impact_mode (financial impact of a KPI: computed from value per unit, or typed). */
export const IMPACT_MODES = ['auto', 'manual'] as const;
export type ImpactMode = (typeof IMPACT_MODES)[number];

/** pgEnum value_source (of a KPI value). */
export const VALUE_SOURCES = ['manual', 'import', 'api'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

/** A KPI's status, computed from its history (never stored), in the order the health panel lists them. */
export const KPI_STATUSES = ['met', 'on_track', 'off_track', 'no_trend'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

// ---------------------------------------------------------------- projects

/** pgEnum project_status. */
export const PROJECT_STATUSES = ['idea', 'planned', 'in_progress', 'delivered', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** pgEnum cost_kind. */
export const COST_KINDS = ['one_off', 'recurring'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** pgEnum scenario_kind: the three cases of a business case's scenarios, in the order they are shown. */
export const SCENARIO_KINDS = ['low', 'base', 'high'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** What an API token may do: read everything of its workspace, or also write KPI values. */
export const API_SCOPES = ['read', 'read_write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

// ---------------------------------------------------------------- dashboards

/** pgEnum dashboard_audience: who a saved dashboard is for (`custom` carries a free label). */
export const DASHBOARD_AUDIENCES = ['marketing', 'sales', 'service', 'operations', 'top_management', 'custom'] as const;
export type DashboardAudience = (typeof DASHBOARD_AUDIENCES)[number];

// ---------------------------------------------------------------- webhooks

/** The events a webhook may subscribe to (webhook.events holds a subset; `ping` is only sent on request). */
export const WEBHOOK_EVENTS = ['kpi.values_changed', 'kpi.status_changed', 'project.updated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** pgEnum webhook_delivery_status: waiting for its next try, delivered, or given up after the last try. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

// ---------------------------------------------------------------- prioritisation

/** pgEnum criterion_direction: whether a high score (1-5) on a prioritisation criterion counts for a
 * project (strategic fit) or against it (effort, risk). */
export const CRITERION_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type CriterionDirection = (typeof CRITERION_DIRECTIONS)[number];

/** The scores a project gets on a criterion. */
export const MIN_CRITERION_SCORE = 1;
export const MAX_CRITERION_SCORE = 5;
// ---------------------------------------------------------------- objectives

/** pgEnum objective_target_kind: a target in money ("400,000 EUR of cost saving") or in a measure ("NPS 45"). */
export const OBJECTIVE_TARGET_KINDS = ['money', 'measure'] as const;
export type ObjectiveTargetKind = (typeof OBJECTIVE_TARGET_KINDS)[number];

// ---------------------------------------------------------------- comments

/** pgEnum comment_target: what a comment thread is about (a card, KPI or stage of a map, or a project). */
export const COMMENT_TARGETS = ['card', 'kpi', 'stage', 'project'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** pgEnum notification_kind: someone mentioned you, or replied in a thread you started or took part in. */
export const NOTIFICATION_KINDS = ['mention', 'reply'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
// ---------------------------------------------------------------- map history

/** pgEnum map_change_kind: what a recorded change of a map is about (the map itself or one of its rows). */
export const MAP_CHANGE_KINDS = ['map', 'stage', 'lane', 'card', 'emotion', 'kpi'] as const;
export type MapChangeKind = (typeof MAP_CHANGE_KINDS)[number];

/** pgEnum map_change_op: a row added, edited, renumbered because another row moved (`shift`), or removed. */
export const MAP_CHANGE_OPS = ['insert', 'update', 'shift', 'delete'] as const;
export type MapChangeOp = (typeof MAP_CHANGE_OPS)[number];
// ---------------------------------------------------------------- share links

/** pgEnum share_kind: what a read-only share link opens (a map, a project's business case, the executive summary). */
export const SHARE_KINDS = ['map', 'project', 'summary'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
