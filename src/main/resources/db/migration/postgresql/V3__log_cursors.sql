-- Where the log watcher stopped reading each error log: the file's identity (inode) and the byte offset after
-- the last complete line it consumed, so a restart resumes there instead of re-counting or skipping lines.

CREATE TABLE log_cursors (
    host        VARCHAR(255)             NOT NULL,
    path        VARCHAR(4096)            NOT NULL,
    identity    VARCHAR(64)              NOT NULL,
    log_offset  BIGINT                   NOT NULL CHECK (log_offset >= 0),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (host, path)
);
