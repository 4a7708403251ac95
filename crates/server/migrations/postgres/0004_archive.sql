-- The public archive: what is searched, and fast newest-first paging per body.
ALTER TABLE cases ADD COLUMN search_text TEXT;
ALTER TABLE cases ADD COLUMN votes_up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN votes_down INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_archive ON cases (body_id, status, published_at DESC, id DESC);
CREATE INDEX cases_archive_category ON cases (body_id, category_id, status, published_at DESC, id DESC);

-- Full-text index of published questions. The 'simple' configuration keeps Kazakh and Russian
-- words as they are (lower-cased); ё is folded to е in search_text before.
ALTER TABLE cases ADD COLUMN search_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text, ''))) STORED;
CREATE INDEX cases_search ON cases USING GIN (search_tsv);
