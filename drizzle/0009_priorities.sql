CREATE TYPE "public"."criterion_direction" AS ENUM('higher_is_better', 'lower_is_better');--> statement-breakpoint
CREATE TABLE "priority_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(7, 2) DEFAULT '1' NOT NULL,
	"direction" "criterion_direction" DEFAULT 'higher_is_better' NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_criterion_workspace_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "priority_criterion_weight_range" CHECK ("priority_criterion"."weight" >= 0 and "priority_criterion"."weight" <= 100)
);
--> statement-breakpoint
CREATE TABLE "project_score" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_score_range" CHECK ("project_score"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "priority_criterion" ADD CONSTRAINT "priority_criterion_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_score" ADD CONSTRAINT "project_score_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_score" ADD CONSTRAINT "project_score_project_same_workspace_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."project"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_score" ADD CONSTRAINT "project_score_criterion_same_workspace_fk" FOREIGN KEY ("workspace_id","criterion_id") REFERENCES "public"."priority_criterion"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "priority_criterion_workspace_name_idx" ON "priority_criterion" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "project_score_pk" ON "project_score" USING btree ("workspace_id","project_id","criterion_id");--> statement-breakpoint
CREATE INDEX "project_score_criterion_idx" ON "project_score" USING btree ("workspace_id","criterion_id");