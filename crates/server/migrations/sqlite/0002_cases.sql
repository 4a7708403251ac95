-- The working-day calendar: entries that differ from an ordinary week (see src/calendar.rs).
CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY,                 -- YYYY-MM-DD
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'standard' CHECK (source IN ('standard', 'admin'))
);

-- The last registration number used, per prefix and year.
CREATE TABLE registration_sequences (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- Questions, blog questions and appeals: one kind of record moving through one pipeline.
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    registration_number TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('question', 'blog', 'appeal', 'reception')),
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    category_id INTEGER REFERENCES categories (id),
    department_id INTEGER REFERENCES departments (id),
    lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    status TEXT NOT NULL,
    -- Private: never in a public response.
    author_name TEXT NOT NULL,
    author_email TEXT NOT NULL,
    body_text TEXT NOT NULL,
    -- Public: what the archive shows.
    publish_as TEXT NOT NULL CHECK (publish_as IN ('initials', 'anonymous')),
    public_author TEXT NOT NULL,
    public_text TEXT,                     -- the moderator's redacted copy; NULL means body_text
    answer_html TEXT,
    submitted_at TEXT NOT NULL,
    confirmed_at TEXT,
    registered_at TEXT,
    deadline TEXT,                        -- YYYY-MM-DD, the last day to answer
    answered_at TEXT,
    published_at TEXT,
    confirm_token_hash TEXT UNIQUE,
    confirm_expires_at TEXT,
    idempotency_key TEXT UNIQUE
);
CREATE INDEX cases_body_status ON cases (body_id, status, submitted_at);
CREATE INDEX cases_email ON cases (author_email, submitted_at);

-- Every transition, never changed once written.
CREATE TABLE case_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,                  -- 'citizen', 'system' or 'user:<id>'
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1))
);
CREATE INDEX case_history_case ON case_history (case_id, id);
CREATE TRIGGER case_history_is_append_only_u BEFORE UPDATE ON case_history
BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
CREATE TRIGGER case_history_is_append_only_d BEFORE DELETE ON case_history
WHEN (SELECT COUNT(*) FROM cases WHERE id = OLD.case_id) > 0
BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;

-- Email to send, written in the same transaction as the change that causes it.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- Submissions per client address, for rate limits that hold across server instances.
CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events (bucket, at);

-- Proof-of-work challenges already used, so a solution works once.
CREATE TABLE used_challenges (
    nonce TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);

-- Keys the server instances share (the anti-spam signing key), created on first start.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
