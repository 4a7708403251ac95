-- Public satisfied/unsatisfied votes: one per browser (its random id, stored as a hash).
CREATE TABLE votes (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    satisfied INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
    at TEXT NOT NULL,
    PRIMARY KEY (case_id, voter_hash)
);

-- The asker's own 1-5 rating, through the link in the publication email.
ALTER TABLE cases ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE cases ADD COLUMN rating_comment TEXT;
ALTER TABLE cases ADD COLUMN rating_token_hash TEXT;
ALTER TABLE cases ADD COLUMN rated_at TEXT;
CREATE UNIQUE INDEX cases_rating_token ON cases (rating_token_hash);
