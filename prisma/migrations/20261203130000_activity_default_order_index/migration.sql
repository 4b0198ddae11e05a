-- The default order of every activity list (latest first, ties by ID).
CREATE INDEX "Activity_startsAt_id_idx" ON "Activity"("startsAt" DESC, "id" DESC);
