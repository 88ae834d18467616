CREATE TYPE "public"."share_kind" AS ENUM('map', 'project', 'summary');--> statement-breakpoint
CREATE TABLE "share_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" "share_kind" NOT NULL,
	"map_id" uuid,
	"project_id" uuid,
	"token_hash" text NOT NULL,
	"password_hash" text,
	"expires_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_opened_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "share_link_target_check" CHECK (("share_link"."kind" = 'map' and "share_link"."map_id" is not null and "share_link"."project_id" is null) or ("share_link"."kind" = 'project' and "share_link"."project_id" is not null and "share_link"."map_id" is null) or ("share_link"."kind" = 'summary' and "share_link"."map_id" is null and "share_link"."project_id" is null))
);
--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_map_same_workspace_fk" FOREIGN KEY ("workspace_id","map_id") REFERENCES "public"."journey_map"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_project_same_workspace_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."project"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "share_link_token_hash_idx" ON "share_link" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_link_map_idx" ON "share_link" USING btree ("workspace_id","map_id");--> statement-breakpoint
CREATE INDEX "share_link_project_idx" ON "share_link" USING btree ("workspace_id","project_id");--> statement-breakpoint
CREATE INDEX "share_link_kind_idx" ON "share_link" USING btree ("workspace_id","kind");