-- drizzle-kit writes the new key of an existing table last; the threads' foreign key to it needs it first.
ALTER TABLE "card" ADD CONSTRAINT "card_workspace_id_key" UNIQUE("workspace_id","id");--> statement-breakpoint
CREATE TYPE "public"."comment_target" AS ENUM('card', 'kpi', 'stage', 'project');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('mention', 'reply');--> statement-breakpoint
CREATE TABLE "comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "comment_workspace_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "comment_body_length" CHECK (char_length("comment"."body") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "comment_thread" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"target_type" "comment_target" NOT NULL,
	"map_id" uuid,
	"card_id" uuid,
	"kpi_id" uuid,
	"stage_id" uuid,
	"project_id" uuid,
	"author_id" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_thread_workspace_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "comment_thread_one_target" CHECK (("comment_thread"."card_id" is not null) = ("comment_thread"."target_type" = 'card') and ("comment_thread"."kpi_id" is not null) = ("comment_thread"."target_type" = 'kpi') and ("comment_thread"."stage_id" is not null) = ("comment_thread"."target_type" = 'stage') and ("comment_thread"."project_id" is not null) = ("comment_thread"."target_type" = 'project') and ("comment_thread"."map_id" is null) = ("comment_thread"."target_type" = 'project'))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"recipient_id" text NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"thread_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_thread_fk" FOREIGN KEY ("workspace_id","thread_id") REFERENCES "public"."comment_thread"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_map_fk" FOREIGN KEY ("workspace_id","map_id") REFERENCES "public"."journey_map"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_card_fk" FOREIGN KEY ("workspace_id","card_id") REFERENCES "public"."card"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_kpi_fk" FOREIGN KEY ("workspace_id","kpi_id") REFERENCES "public"."kpi"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_stage_fk" FOREIGN KEY ("workspace_id","stage_id") REFERENCES "public"."stage"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_project_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."project"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_fk" FOREIGN KEY ("workspace_id","recipient_id") REFERENCES "public"."membership"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_thread_fk" FOREIGN KEY ("workspace_id","thread_id") REFERENCES "public"."comment_thread"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_comment_fk" FOREIGN KEY ("workspace_id","comment_id") REFERENCES "public"."comment"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_thread_idx" ON "comment" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "comment_thread_open_map_idx" ON "comment_thread" USING btree ("workspace_id","map_id","last_activity_at") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "comment_thread_card_idx" ON "comment_thread" USING btree ("workspace_id","card_id") WHERE card_id is not null;--> statement-breakpoint
CREATE INDEX "comment_thread_kpi_idx" ON "comment_thread" USING btree ("workspace_id","kpi_id") WHERE kpi_id is not null;--> statement-breakpoint
CREATE INDEX "comment_thread_stage_idx" ON "comment_thread" USING btree ("workspace_id","stage_id") WHERE stage_id is not null;--> statement-breakpoint
CREATE INDEX "comment_thread_project_idx" ON "comment_thread" USING btree ("workspace_id","project_id") WHERE project_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_recipient_comment_idx" ON "notification" USING btree ("recipient_id","comment_id");--> statement-breakpoint
CREATE INDEX "notification_inbox_idx" ON "notification" USING btree ("workspace_id","recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("workspace_id","recipient_id") WHERE read_at is null;
