-- One row per Slack request a replica took on (a slash command's trigger_id, a click's action_ts and trigger_id, a
-- dialog's view, an event's event_id): the primary key lets exactly one replica insert it, so a request Slack or a
-- load balancer delivers twice, to any replica, is handled once. Rows past expires_at are taken over or swept.
CREATE TABLE slack_request_claims (
    request_key VARCHAR(200) NOT NULL PRIMARY KEY,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by VARCHAR(200) NOT NULL
);
CREATE INDEX slack_request_claims_expiry ON slack_request_claims (expires_at);
