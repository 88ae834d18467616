CREATE TYPE "public"."channel" AS ENUM('web', 'mobile_app', 'email', 'phone', 'chat', 'store', 'social', 'mail', 'in_person', 'other');--> statement-breakpoint
CREATE TYPE "public"."cost_kind" AS ENUM('one_off', 'recurring');--> statement-breakpoint
CREATE TYPE "public"."measure_family" AS ENUM('business_performance', 'user_adoption', 'customer_perception');--> statement-breakpoint
CREATE TYPE "public"."heart_category" AS ENUM('happiness', 'engagement', 'adoption', 'retention', 'task_success');--> statement-breakpoint
CREATE TYPE "public"."impact_mode" AS ENUM('auto', 'manual');--> statement-breakpoint
CREATE TYPE "public"."impact_type" AS ENUM('revenue', 'cost_saving');--> statement-breakpoint
CREATE TYPE "public"."lane_kind" AS ENUM('touchpoints', 'actions', 'thoughts', 'emotions', 'pain_points', 'opportunities', 'backstage', 'kpi', 'text');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "public"."map_state" AS ENUM('current', 'future');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('idea', 'planned', 'in_progress', 'delivered', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."trend" AS ENUM('up', 'down');--> statement-breakpoint
CREATE TYPE "public"."value_source" AS ENUM('manual', 'import', 'api');--> statement-breakpoint
CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"actor_id" text,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"summary" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"channel" "channel",
	"system" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emotion_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "member_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "journey_map" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"persona_id" uuid,
	"state" "map_state" DEFAULT 'current' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"baseline_value" numeric(20, 6),
	"baseline_date" date,
	"target_value" numeric(20, 6),
	"target_date" date,
	"impact_mode" "impact_mode" DEFAULT 'auto' NOT NULL,
	"manual_amount" numeric(20, 6),
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"date" date NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"source" "value_source" DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lane" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"kind" "lane_kind" NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT 'count' NOT NULL,
	"trend" "trend" DEFAULT 'up' NOT NULL,
	"value_amount" numeric(20, 6),
	"value_step" numeric(20, 6),
	"impact_type" "impact_type" DEFAULT 'revenue' NOT NULL,
	"owner_id" text,
	"group" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"heart_category" "heart_category",
	"family" "measure_family",
	"gsm_goal" text,
	"gsm_signal" text,
	"systems" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_touchpoint" (
	"workspace_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"card_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"workspace_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persona" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"frustrations" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" text,
	"status" "project_status" DEFAULT 'idea' NOT NULL,
	"start_date" date,
	"horizon_years" smallint DEFAULT 3 NOT NULL,
	"discount_rate" numeric(9, 6) DEFAULT '0.10' NOT NULL,
	"confidence" numeric(9, 6) DEFAULT '1' NOT NULL,
	"ramp_up" numeric(9, 6)[] DEFAULT '{}'::numeric[] NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_cost" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"label" text NOT NULL,
	"kind" "cost_kind" NOT NULL,
	"amount" numeric(20, 6) NOT NULL,
	"year" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_kpi" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"share" numeric(9, 6) DEFAULT '1' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phase" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" "locale",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "workspace" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card" ADD CONSTRAINT "card_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card" ADD CONSTRAINT "card_map_id_journey_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card" ADD CONSTRAINT "card_lane_id_lane_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lane"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card" ADD CONSTRAINT "card_stage_id_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stage"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emotion_point" ADD CONSTRAINT "emotion_point_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emotion_point" ADD CONSTRAINT "emotion_point_map_id_journey_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emotion_point" ADD CONSTRAINT "emotion_point_lane_id_lane_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lane"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emotion_point" ADD CONSTRAINT "emotion_point_stage_id_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stage"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_map" ADD CONSTRAINT "journey_map_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_map" ADD CONSTRAINT "journey_map_persona_id_persona_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."persona"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_map_id_journey_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_lane_id_lane_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lane"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_stage_id_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stage"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_measure_id_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measure"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lane" ADD CONSTRAINT "lane_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lane" ADD CONSTRAINT "lane_map_id_journey_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_touchpoint" ADD CONSTRAINT "measure_touchpoint_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_touchpoint" ADD CONSTRAINT "measure_touchpoint_measure_id_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_touchpoint" ADD CONSTRAINT "measure_touchpoint_card_id_card_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."card"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona" ADD CONSTRAINT "persona_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_cost" ADD CONSTRAINT "project_cost_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_cost" ADD CONSTRAINT "project_cost_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_kpi" ADD CONSTRAINT "project_kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_kpi" ADD CONSTRAINT "project_kpi_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_kpi" ADD CONSTRAINT "project_kpi_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage" ADD CONSTRAINT "stage_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage" ADD CONSTRAINT "stage_map_id_journey_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_workspace_at_idx" ON "activity" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "card_cell_idx" ON "card" USING btree ("lane_id","stage_id","position");--> statement-breakpoint
CREATE INDEX "card_map_idx" ON "card" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "card_workspace_idx" ON "card" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emotion_point_cell_idx" ON "emotion_point" USING btree ("lane_id","stage_id");--> statement-breakpoint
CREATE INDEX "emotion_point_map_idx" ON "emotion_point" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "invitation_workspace_idx" ON "invitation" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "journey_map_workspace_idx" ON "journey_map" USING btree ("workspace_id","archived_at");--> statement-breakpoint
CREATE INDEX "kpi_cell_idx" ON "kpi" USING btree ("lane_id","stage_id","position");--> statement-breakpoint
CREATE INDEX "kpi_map_idx" ON "kpi" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "kpi_measure_idx" ON "kpi" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "kpi_workspace_idx" ON "kpi" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_value_kpi_date_idx" ON "kpi_value" USING btree ("kpi_id","date");--> statement-breakpoint
CREATE INDEX "kpi_value_workspace_idx" ON "kpi_value" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "lane_map_idx" ON "lane" USING btree ("map_id","position");--> statement-breakpoint
CREATE INDEX "lane_workspace_idx" ON "lane" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "login_attempt_key_at_idx" ON "login_attempt" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_workspace_name_idx" ON "measure" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "measure_workspace_idx" ON "measure" USING btree ("workspace_id","archived_at");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_touchpoint_pk" ON "measure_touchpoint" USING btree ("measure_id","card_id");--> statement-breakpoint
CREATE INDEX "measure_touchpoint_card_idx" ON "measure_touchpoint" USING btree ("card_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_pk" ON "membership" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "membership_user_idx" ON "membership" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "persona_workspace_idx" ON "persona" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "project_workspace_idx" ON "project" USING btree ("workspace_id","archived_at");--> statement-breakpoint
CREATE INDEX "project_cost_project_idx" ON "project_cost" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_cost_workspace_idx" ON "project_cost" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_kpi_pk" ON "project_kpi" USING btree ("project_id","kpi_id");--> statement-breakpoint
CREATE INDEX "project_kpi_kpi_idx" ON "project_kpi" USING btree ("kpi_id");--> statement-breakpoint
CREATE INDEX "project_kpi_workspace_idx" ON "project_kpi" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "stage_map_idx" ON "stage" USING btree ("map_id","position");--> statement-breakpoint
CREATE INDEX "stage_workspace_idx" ON "stage" USING btree ("workspace_id");