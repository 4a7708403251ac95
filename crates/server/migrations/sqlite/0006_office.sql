-- The office: cases assigned to one executor, per-body answer deadlines, category keywords for
-- the moderator's suggestion, platform administrators (the working-day calendar), and outbox
-- messages given up on after a permanent failure.
ALTER TABLE cases ADD COLUMN executor_id INTEGER REFERENCES users (id);
CREATE INDEX cases_executor ON cases (executor_id, status);
ALTER TABLE bodies ADD COLUMN answer_working_days INTEGER NOT NULL DEFAULT 15
    CHECK (answer_working_days BETWEEN 1 AND 30);
ALTER TABLE categories ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN platform_admin INTEGER NOT NULL DEFAULT 0 CHECK (platform_admin IN (0, 1));
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
