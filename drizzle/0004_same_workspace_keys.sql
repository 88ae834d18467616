ALTER TABLE "journey_map" ADD CONSTRAINT "journey_map_workspace_id_key" UNIQUE("workspace_id","id");--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_workspace_id_key" UNIQUE("workspace_id","id");--> statement-breakpoint
ALTER TABLE "stage" ADD CONSTRAINT "stage_workspace_id_key" UNIQUE("workspace_id","id");