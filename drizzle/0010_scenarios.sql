CREATE TYPE "public"."scenario_kind" AS ENUM('low', 'base', 'high');--> statement-breakpoint
CREATE TABLE "project_scenario" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "scenario_kind" NOT NULL,
	"confidence_shift" numeric(9, 6) DEFAULT '0' NOT NULL,
	"ramp_up" numeric(9, 6)[] DEFAULT '{}'::numeric[] NOT NULL,
	"cost_change" numeric(9, 6) DEFAULT '0' NOT NULL,
	"target_reach" numeric(9, 6) DEFAULT '1' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_scenario" ADD CONSTRAINT "project_scenario_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_scenario" ADD CONSTRAINT "project_scenario_project_same_workspace_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."project"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_scenario_project_kind_idx" ON "project_scenario" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "project_scenario_workspace_idx" ON "project_scenario" USING btree ("workspace_id");