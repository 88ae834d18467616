CREATE TYPE "public"."dashboard_audience" AS ENUM('marketing', 'sales', 'service', 'operations', 'top_management', 'custom');--> statement-breakpoint
CREATE TABLE "dashboard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"audience" "dashboard_audience" NOT NULL,
	"custom_audience" text,
	"owner_id" text,
	"shared" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dashboard_workspace_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "dashboard_measure" (
	"workspace_id" uuid NOT NULL,
	"dashboard_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard" ADD CONSTRAINT "dashboard_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard" ADD CONSTRAINT "dashboard_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_measure" ADD CONSTRAINT "dashboard_measure_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_measure" ADD CONSTRAINT "dashboard_measure_dashboard_same_workspace_fk" FOREIGN KEY ("workspace_id","dashboard_id") REFERENCES "public"."dashboard"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_measure" ADD CONSTRAINT "dashboard_measure_measure_same_workspace_fk" FOREIGN KEY ("workspace_id","measure_id") REFERENCES "public"."measure"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_workspace_idx" ON "dashboard" USING btree ("workspace_id","shared");--> statement-breakpoint
CREATE INDEX "dashboard_owner_idx" ON "dashboard" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_measure_pk" ON "dashboard_measure" USING btree ("dashboard_id","measure_id");--> statement-breakpoint
CREATE INDEX "dashboard_measure_order_idx" ON "dashboard_measure" USING btree ("dashboard_id","position");--> statement-breakpoint
CREATE INDEX "dashboard_measure_measure_idx" ON "dashboard_measure" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_workspace_family_idx" ON "measure" USING btree ("workspace_id","family");--> statement-breakpoint
CREATE INDEX "measure_tags_idx" ON "measure" USING gin ("tags");