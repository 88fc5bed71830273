-- Runs an incident triggers (RunTrigger.Kind.INCIDENT, the incident id as reference).
ALTER TABLE runs DROP CONSTRAINT runs_trigger_kind_check;
ALTER TABLE runs ADD CONSTRAINT runs_trigger_kind_check
    CHECK (trigger_kind IN ('ALERT', 'MANUAL', 'WATCHER', 'INCIDENT'));

-- The incident flow looks a run's incident up by trigger.
CREATE INDEX runs_by_trigger ON runs (trigger_kind, trigger_ref);
