-- The working-day calendar: entries that differ from an ordinary week (see src/calendar.rs).
CREATE TABLE calendar_days (
    day DATE PRIMARY KEY,                -- YYYY-MM-DD
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'standard' CHECK (source IN ('standard', 'admin'))
);

-- The last registration number used, per prefix and year.
CREATE TABLE registration_sequences (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- Questions, blog questions and appeals: one kind of record moving through one pipeline.
CREATE TABLE cases (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registration_number TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('question', 'blog', 'appeal', 'reception')),
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    category_id BIGINT REFERENCES categories (id),
    department_id BIGINT REFERENCES departments (id),
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
    submitted_at TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ,
    registered_at TIMESTAMPTZ,
    deadline DATE,                            -- YYYY-MM-DD, the last day to answer
    answered_at TIMESTAMPTZ,
    published_at TIMESTAMPTZ,
    confirm_token_hash TEXT UNIQUE,
    confirm_expires_at TIMESTAMPTZ,
    idempotency_key TEXT UNIQUE
);
CREATE INDEX cases_body_status ON cases (body_id, status, submitted_at);
CREATE INDEX cases_email ON cases (author_email, submitted_at);

-- Every transition, never changed once written.
CREATE TABLE case_history (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,                  -- 'citizen', 'system' or 'user:<id>'
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    public BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX case_history_case ON case_history (case_id, id);
CREATE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'case history is append-only';
END $$;
CREATE TRIGGER case_history_is_append_only BEFORE UPDATE OR DELETE ON case_history
FOR EACH ROW EXECUTE FUNCTION case_history_append_only();

-- Email to send, written in the same transaction as the change that causes it.
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_until TIMESTAMPTZ,
    sent_at TIMESTAMPTZ,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- Submissions per client address, for rate limits that hold across server instances.
CREATE TABLE rate_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events (bucket, at);

-- Proof-of-work challenges already used, so a solution works once.
CREATE TABLE used_challenges (
    nonce TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);

-- Keys the server instances share (the anti-spam signing key), created on first start.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
