-- Runs an incident triggers (RunTrigger.Kind.INCIDENT, the incident id as reference). H2 named V2's column
-- check itself, so the column is rebuilt with a named check instead of guessing that name.
ALTER TABLE runs ADD COLUMN trigger_kind_v7 VARCHAR(16);
UPDATE runs SET trigger_kind_v7 = trigger_kind;
ALTER TABLE runs DROP COLUMN trigger_kind;
ALTER TABLE runs ALTER COLUMN trigger_kind_v7 RENAME TO trigger_kind;
ALTER TABLE runs ALTER COLUMN trigger_kind SET NOT NULL;
ALTER TABLE runs ADD CONSTRAINT runs_trigger_kind_check
    CHECK (trigger_kind IN ('ALERT', 'MANUAL', 'WATCHER', 'INCIDENT'));

-- The incident flow looks a run's incident up by trigger.
CREATE INDEX runs_by_trigger ON runs (trigger_kind, trigger_ref);
