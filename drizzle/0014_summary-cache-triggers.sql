-- The figures revision of a workspace (workspace.figures_revision) is bumped by the database on every
-- write to a table the portfolio figures read, so no write path (server module, import, API, raw SQL)
-- can leave a cached roll-up stale. Statement-level triggers with transition tables: one UPDATE of
-- workspace per statement for the distinct workspaces it touched, whatever the number of rows (a
-- 10,000-value import bumps once). Three triggers a table, one per event: PostgreSQL refuses
-- transition tables on a trigger with more than one event. The workspace's time zone is not watched:
-- the cache key holds today's date in it; its currency only formats, it changes no figure.
CREATE FUNCTION "bump_figures_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "workspace" SET "figures_revision" = "figures_revision" + 1
      WHERE "id" IN (SELECT DISTINCT "workspace_id" FROM "new_rows");
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "workspace" SET "figures_revision" = "figures_revision" + 1
      WHERE "id" IN (SELECT DISTINCT "workspace_id" FROM "old_rows");
  ELSE
    UPDATE "workspace" SET "figures_revision" = "figures_revision" + 1
      WHERE "id" IN (SELECT "workspace_id" FROM "new_rows" UNION SELECT "workspace_id" FROM "old_rows");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "project_figures_insert" AFTER INSERT ON "project" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_figures_update" AFTER UPDATE ON "project" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_figures_delete" AFTER DELETE ON "project" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_cost_figures_insert" AFTER INSERT ON "project_cost" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_cost_figures_update" AFTER UPDATE ON "project_cost" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_cost_figures_delete" AFTER DELETE ON "project_cost" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_kpi_figures_insert" AFTER INSERT ON "project_kpi" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_kpi_figures_update" AFTER UPDATE ON "project_kpi" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "project_kpi_figures_delete" AFTER DELETE ON "project_kpi" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "kpi_figures_insert" AFTER INSERT ON "kpi" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "kpi_figures_update" AFTER UPDATE ON "kpi" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "kpi_figures_delete" AFTER DELETE ON "kpi" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "kpi_value_figures_insert" AFTER INSERT ON "kpi_value" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "kpi_value_figures_update" AFTER UPDATE ON "kpi_value" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "kpi_value_figures_delete" AFTER DELETE ON "kpi_value" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "measure_figures_insert" AFTER INSERT ON "measure" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "measure_figures_update" AFTER UPDATE ON "measure" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "measure_figures_delete" AFTER DELETE ON "measure" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "stage_figures_insert" AFTER INSERT ON "stage" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "stage_figures_update" AFTER UPDATE ON "stage" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "stage_figures_delete" AFTER DELETE ON "stage" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "journey_map_figures_insert" AFTER INSERT ON "journey_map" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "journey_map_figures_update" AFTER UPDATE ON "journey_map" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE TRIGGER "journey_map_figures_delete" AFTER DELETE ON "journey_map" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
-- A project's owner name shows in the ranking: a renamed user bumps the workspaces where they own a
-- project (a deleted one sets project.owner_id to null, which the project trigger sees).
CREATE FUNCTION "bump_figures_revision_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "workspace" SET "figures_revision" = "figures_revision" + 1
    WHERE "id" IN (
      SELECT "project"."workspace_id" FROM "project"
        JOIN "new_rows" ON "new_rows"."id" = "project"."owner_id"
        JOIN "old_rows" ON "old_rows"."id" = "new_rows"."id"
        WHERE "new_rows"."display_name" IS DISTINCT FROM "old_rows"."display_name");
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "user_figures_update" AFTER UPDATE ON "user" REFERENCING NEW TABLE AS "new_rows" OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision_owner"();
