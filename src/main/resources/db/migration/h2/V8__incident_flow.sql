-- What the incident flow keeps per incident beside the incident itself: the alert that named it, who asked (four
-- eyes), the runbook run, whether its Slack thread exists yet, the sealed proposal and the diagnosis shown with it
-- (so the parent message can be redrawn in any later state, also after a restart), and the change applied.
CREATE TABLE incident_flow (
    incident_id    BIGINT PRIMARY KEY,
    alert_name     VARCHAR(200) NOT NULL,
    requester      VARCHAR(64),
    run_id         BIGINT,
    posted         BOOLEAN NOT NULL DEFAULT FALSE,
    proposal_id    VARCHAR(64),
    diff_sha256    VARCHAR(64),
    view_json      CLOB,
    change_id      BIGINT,
    approver       VARCHAR(64),
    noted_alerts   INTEGER NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_flow_by_change ON incident_flow (change_id);
