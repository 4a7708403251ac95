-- The public archive: what is searched, and fast newest-first paging per body.
ALTER TABLE cases ADD COLUMN search_text TEXT;
ALTER TABLE cases ADD COLUMN votes_up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN votes_down INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_archive ON cases (body_id, status, published_at DESC, id DESC);
CREATE INDEX cases_archive_category ON cases (body_id, category_id, status, published_at DESC, id DESC);

-- Full-text index of published questions: rowid = cases.id; kept in step by the code that
-- publishes, redacts or withdraws. unicode61 folds case for Cyrillic; ё is folded to е before.
CREATE VIRTUAL TABLE case_search USING fts5 (search_text, tokenize = 'unicode61 remove_diacritics 2');
