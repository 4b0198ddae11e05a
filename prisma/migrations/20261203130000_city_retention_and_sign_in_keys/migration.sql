-- AlterTable
ALTER TABLE "City" ADD COLUMN     "activityRetentionMonths" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "staffRetentionMonths" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "youthRetentionMonths" INTEGER NOT NULL DEFAULT 24;

-- A person's sign-in keys changing (e-mail, OIDC subject) refreshes cached viewers on every
-- instance, as deactivation does: a token for the old key must not keep naming this person.
CREATE OR REPLACE FUNCTION "live_event_on_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."deactivatedAt" IS DISTINCT FROM OLD."deactivatedAt"
     OR NEW."email" IS DISTINCT FROM OLD."email"
     OR NEW."oidcSubject" IS DISTINCT FROM OLD."oidcSubject" THEN
    PERFORM "live_event_append"('roleChanged', NEW."id", NULL);
  END IF;
  RETURN NULL;
END $$;
