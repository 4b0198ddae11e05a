-- AlterTable
ALTER TABLE "LiveEvent" ADD COLUMN     "data" JSONB;

-- Live events are written by the database, in the transaction of the change they announce: a
-- committed change always has its event, a rolled-back one never. The triggers are deferred to
-- commit and take one lock there, so positions become visible in order: a reader that has seen
-- position N has seen every event below N (the lock is held only from the trigger to the commit).
CREATE FUNCTION "live_event_append"(topic TEXT, record_id UUID, partnership_id UUID, data JSONB DEFAULT NULL)
RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  appended BIGINT;
  seen TEXT := coalesce(current_setting('live_event.seen', true), '');
  event_key TEXT := topic || ':' || record_id::text || ';';
BEGIN
  -- One event per topic and record per transaction (a change that updates a row twice is one change).
  -- Only while the transaction has written few events: a bulk write (seeding, retention) gets one per
  -- row instead of a quadratic search.
  IF data IS NULL AND position(event_key IN seen) > 0 THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(72707372);
  INSERT INTO "LiveEvent" ("topic", "recordId", "partnershipId", "data")
    VALUES (topic, record_id, partnership_id, data) RETURNING "position" INTO appended;
  IF data IS NULL AND length(seen) < 8192 THEN
    PERFORM set_config('live_event.seen', seen || event_key, true);
  END IF;
  RETURN appended;
END $$;

CREATE FUNCTION "live_event_on_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "live_event_append"('activityLogged', NEW."id", NEW."partnershipId");
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "live_event_append"('activityChanged', NEW."id", NEW."partnershipId");
  ELSE
    PERFORM "live_event_append"('activityChanged', OLD."id", OLD."partnershipId");
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Activity_live_event" AFTER INSERT OR UPDATE OR DELETE ON "Activity"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_on_activity"();

CREATE FUNCTION "live_event_on_signal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "live_event_append"(CASE TG_OP WHEN 'INSERT' THEN 'signalReported' ELSE 'signalChanged' END, NEW."id", NEW."partnershipId");
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Signal_live_event" AFTER INSERT OR UPDATE ON "Signal"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_on_signal"();

-- A role granted or revoked, or a person deactivated: their open connections and cached viewers
-- refresh (on every instance).
CREATE FUNCTION "live_event_on_role"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "live_event_append"('roleChanged', OLD."personId", OLD."partnershipId");
  ELSE
    PERFORM "live_event_append"('roleChanged', NEW."personId", NEW."partnershipId");
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "RoleAssignment_live_event" AFTER INSERT OR UPDATE OR DELETE ON "RoleAssignment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_on_role"();

CREATE FUNCTION "live_event_on_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."deactivatedAt" IS DISTINCT FROM OLD."deactivatedAt" THEN
    PERFORM "live_event_append"('roleChanged', NEW."id", NULL);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Person_live_event" AFTER UPDATE ON "Person"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_on_person"();
