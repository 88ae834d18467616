-- The figures revision of a workspace (workspace.figures_revision) is bumped by the database on every
-- write to a table the portfolio figures read, so no write path (server module, import, API, raw SQL)
-- can leave a cached roll-up stale. The row triggers are deferred to the commit and bump once per
-- workspace and transaction (a transaction-local setting remembers it: a 10,000-value import costs a
-- lookup per row and one update). Taking the workspace row's lock only at commit, after every other
-- row lock of the transaction, means two transactions can never wait on each other through it (a
-- statement-level trigger took it mid-transaction: two editors saving one KPI could deadlock instead
-- of one of them getting a conflict), and revisions still follow the commit order. The workspace's
-- time zone is not watched: the cache key holds today's date in it; its currency only formats.
CREATE FUNCTION "bump_figures_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ws uuid;
  flag text;
BEGIN
  IF TG_OP = 'DELETE' THEN ws := OLD.workspace_id; ELSE ws := NEW.workspace_id; END IF;
  flag := 'parcours.figures_' || replace(ws::text, '-', '_');
  IF current_setting(flag, true) IS DISTINCT FROM 'bumped' THEN
    PERFORM set_config(flag, 'bumped', true);
    UPDATE "workspace" SET "figures_revision" = "figures_revision" + 1 WHERE "id" = ws;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "project_figures" AFTER INSERT OR UPDATE OR DELETE ON "project" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "project_cost_figures" AFTER INSERT OR UPDATE OR DELETE ON "project_cost" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "project_kpi_figures" AFTER INSERT OR UPDATE OR DELETE ON "project_kpi" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "kpi_figures" AFTER INSERT OR UPDATE OR DELETE ON "kpi" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "kpi_value_figures" AFTER INSERT OR UPDATE OR DELETE ON "kpi_value" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "measure_figures" AFTER INSERT OR UPDATE OR DELETE ON "measure" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "stage_figures" AFTER INSERT OR UPDATE OR DELETE ON "stage" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "journey_map_figures" AFTER INSERT OR UPDATE OR DELETE ON "journey_map" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();--> statement-breakpoint
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
