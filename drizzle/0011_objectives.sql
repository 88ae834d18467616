CREATE TYPE "public"."objective_target_kind" AS ENUM('money', 'measure');--> statement-breakpoint
CREATE TABLE "objective" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"target_kind" "objective_target_kind" NOT NULL,
	"target_amount" numeric(20, 6),
	"impact_type" "impact_type",
	"measure_id" uuid,
	"target_value" numeric(20, 6),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_workspace_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "objective_period_check" CHECK ("objective"."end_date" >= "objective"."start_date"),
	CONSTRAINT "objective_not_own_parent_check" CHECK ("objective"."parent_id" is null or "objective"."parent_id" <> "objective"."id"),
	CONSTRAINT "objective_target_check" CHECK (("objective"."target_kind" = 'money' and "objective"."target_amount" is not null and "objective"."impact_type" is not null and "objective"."measure_id" is null and "objective"."target_value" is null)
        or ("objective"."target_kind" = 'measure' and "objective"."measure_id" is not null and "objective"."target_value" is not null and "objective"."target_amount" is null and "objective"."impact_type" is null))
);
--> statement-breakpoint
CREATE TABLE "objective_kpi" (
	"workspace_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective_measure" (
	"workspace_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective_project" (
	"workspace_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"project_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_parent_same_workspace_fk" FOREIGN KEY ("workspace_id","parent_id") REFERENCES "public"."objective"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_measure_same_workspace_fk" FOREIGN KEY ("workspace_id","measure_id") REFERENCES "public"."measure"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_kpi" ADD CONSTRAINT "objective_kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_kpi" ADD CONSTRAINT "objective_kpi_objective_fk" FOREIGN KEY ("workspace_id","objective_id") REFERENCES "public"."objective"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_kpi" ADD CONSTRAINT "objective_kpi_kpi_fk" FOREIGN KEY ("workspace_id","kpi_id") REFERENCES "public"."kpi"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measure" ADD CONSTRAINT "objective_measure_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measure" ADD CONSTRAINT "objective_measure_objective_fk" FOREIGN KEY ("workspace_id","objective_id") REFERENCES "public"."objective"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measure" ADD CONSTRAINT "objective_measure_measure_fk" FOREIGN KEY ("workspace_id","measure_id") REFERENCES "public"."measure"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_project" ADD CONSTRAINT "objective_project_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_project" ADD CONSTRAINT "objective_project_objective_fk" FOREIGN KEY ("workspace_id","objective_id") REFERENCES "public"."objective"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_project" ADD CONSTRAINT "objective_project_project_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."project"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_workspace_idx" ON "objective" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "objective_parent_idx" ON "objective" USING btree ("workspace_id","parent_id");--> statement-breakpoint
CREATE INDEX "objective_measure_idx" ON "objective" USING btree ("workspace_id","measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_kpi_pk" ON "objective_kpi" USING btree ("objective_id","kpi_id");--> statement-breakpoint
CREATE INDEX "objective_kpi_kpi_idx" ON "objective_kpi" USING btree ("workspace_id","kpi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_measure_pk" ON "objective_measure" USING btree ("objective_id","measure_id");--> statement-breakpoint
CREATE INDEX "objective_measure_measure_idx" ON "objective_measure" USING btree ("workspace_id","measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_project_pk" ON "objective_project" USING btree ("objective_id","project_id");--> statement-breakpoint
CREATE INDEX "objective_project_project_idx" ON "objective_project" USING btree ("workspace_id","project_id");