CREATE TABLE "map_presence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "map_presence" ADD CONSTRAINT "map_presence_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_presence" ADD CONSTRAINT "map_presence_map_same_workspace_fk" FOREIGN KEY ("workspace_id","map_id") REFERENCES "public"."journey_map"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_presence" ADD CONSTRAINT "map_presence_member_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."membership"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "map_presence_map_idx" ON "map_presence" USING btree ("workspace_id","map_id","seen_at");--> statement-breakpoint
CREATE INDEX "map_presence_seen_idx" ON "map_presence" USING btree ("seen_at");