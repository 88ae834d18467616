CREATE TYPE "public"."map_change_kind" AS ENUM('map', 'stage', 'lane', 'card', 'emotion', 'kpi');--> statement-breakpoint
CREATE TYPE "public"."map_change_op" AS ENUM('insert', 'update', 'shift', 'delete');--> statement-breakpoint
CREATE TABLE "map_change" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "map_change_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"kind" "map_change_kind" NOT NULL,
	"entity_id" uuid NOT NULL,
	"op" "map_change_op" NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "map_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "map_version_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"name" text,
	"author_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_edit_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"restored_from_at" timestamp with time zone,
	"restored_from_name" text,
	"snapshot" jsonb,
	CONSTRAINT "map_version_workspace_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "map_change" ADD CONSTRAINT "map_change_version_same_workspace_fk" FOREIGN KEY ("workspace_id","version_id") REFERENCES "public"."map_version"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_version" ADD CONSTRAINT "map_version_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_version" ADD CONSTRAINT "map_version_map_same_workspace_fk" FOREIGN KEY ("workspace_id","map_id") REFERENCES "public"."journey_map"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "map_change_version_idx" ON "map_change" USING btree ("version_id","seq");--> statement-breakpoint
CREATE INDEX "map_version_map_idx" ON "map_version" USING btree ("workspace_id","map_id","seq");--> statement-breakpoint
CREATE INDEX "map_version_purge_idx" ON "map_version" USING btree ("workspace_id","last_edit_at") WHERE name is null;