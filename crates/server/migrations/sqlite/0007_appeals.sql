-- Electronic appeals: the facts only an appeal has, its files, the one-time email codes of the
-- filing form, and the one-time links and sessions of "my appeals". All of it is private.
CREATE TABLE appeals (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    appeal_type TEXT NOT NULL
        CHECK (appeal_type IN ('statement', 'complaint', 'request', 'proposal', 'response', 'report')),
    filer TEXT NOT NULL CHECK (filer IN ('individual', 'legal_entity')),
    iin TEXT NOT NULL,                    -- the individual's, or the representative's
    bin TEXT,
    organisation TEXT,
    phone TEXT NOT NULL,
    address TEXT,
    earlier_case_id INTEGER REFERENCES cases (id),
    tracking_code_hash TEXT NOT NULL,
    registration_day TEXT NOT NULL,       -- YYYY-MM-DD: the term counts from this working day
    extension_reason TEXT,
    extension_decided_on TEXT,
    extension_noticed_at TEXT,
    outcome TEXT CHECK (outcome IN ('satisfied', 'explained', 'refused', 'left_without_consideration')),
    outcome_reason TEXT
);
CREATE INDEX appeals_earlier ON appeals (earlier_case_id);

-- Files attached by the applicant or by the body to its decision, kept in the database so every
-- server instance serves them.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    from_body INTEGER NOT NULL CHECK (from_body IN (0, 1)),
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'docx')),
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id, id);

-- The code that confirms an email address on the filing form: one live code per address.
CREATE TABLE email_codes (
    email_hash TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);

-- "My appeals": one-time links (kind 'link') and the sessions they open (kind 'session').
CREATE TABLE cabinet_tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('link', 'session')),
    email TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX cases_email_lower ON cases (lower(author_email));
