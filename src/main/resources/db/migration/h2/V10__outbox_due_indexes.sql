-- Indexes for the outbox dispatcher's due query and its bookkeeping, which run while hundreds of calls wait for
-- Slack's one-call-a-second pace in a storm: a thread's waiting calls by place (thread order, superseding updates,
-- "is anything of this thread waiting"), and the few live leases (which channels have a call on its way, the
-- earliest lease to run out).
CREATE INDEX outbox_calls_thread_waiting ON outbox_calls (thread_key, status, sequence);
CREATE INDEX outbox_calls_leased ON outbox_calls (lease_until);

-- From now on a call's channel is resolved once: when its thread's top-level message is recorded, and at the latest
-- when the call is claimed. Calls queued before their thread's post and still waiting get it here.
UPDATE outbox_calls SET channel = (SELECT s.channel FROM slack_conversations s
        WHERE s.thread_key = outbox_calls.thread_key)
    WHERE channel IS NULL AND status = 'PENDING'
    AND EXISTS (SELECT 1 FROM slack_conversations s WHERE s.thread_key = outbox_calls.thread_key);
