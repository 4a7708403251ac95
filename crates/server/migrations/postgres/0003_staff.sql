-- Staff accounts, their roles per body, sessions and the sign-in throttle.
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,           -- stored lower-cased, so one address is one account
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,          -- argon2id, in the PHC string format
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    disabled BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE memberships (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body_id BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'moderator', 'executor', 'head')),
    department_id BIGINT REFERENCES departments (id) ON DELETE SET NULL,
    PRIMARY KEY (user_id, body_id, role)
);
CREATE INDEX memberships_body ON memberships (body_id, role);

-- The cookie carries a random token; only its SHA-256 is kept, so a leaked table opens nothing.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,    -- for the idle timeout
    expires_at TIMESTAMPTZ NOT NULL,      -- the absolute end, whatever the activity
    csrf_token TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed sign-ins per bucket ('email:<sha-256>' or 'addr:<sha-256>'); never the raw address.
CREATE TABLE login_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_attempts_bucket ON login_attempts (bucket, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
