-- What a body publishes besides answers: images, the head's profile, the blog, the FAQ, the
-- reception schedule and the open dialogue links. All of it is public once published.

-- Uploaded images (a head's photo, a post's cover), kept in the database so every server
-- instance serves them; the kind is read from the content, never from a file name.
CREATE TABLE media (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('png', 'jpeg')),
    size BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The head's biography and photo; the name and position stay on `bodies`.
CREATE TABLE head_profiles (
    body_id BIGINT PRIMARY KEY REFERENCES bodies (id) ON DELETE CASCADE,
    biography_kk TEXT NOT NULL DEFAULT '',
    biography_ru TEXT NOT NULL DEFAULT '',
    biography_en TEXT NOT NULL DEFAULT '',
    photo_id BIGINT REFERENCES media (id),
    photo_alt_kk TEXT NOT NULL DEFAULT '',
    photo_alt_ru TEXT NOT NULL DEFAULT '',
    photo_alt_en TEXT NOT NULL DEFAULT ''
);

-- A post is public when its state is 'published' and `publish_at` has come (a later time
-- schedules it).
CREATE TABLE blog_posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('draft', 'published')),
    publish_at TIMESTAMPTZ,
    cover_id BIGINT REFERENCES media (id),
    cover_alt_kk TEXT NOT NULL DEFAULT '',
    cover_alt_ru TEXT NOT NULL DEFAULT '',
    cover_alt_en TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX blog_posts_public ON blog_posts (body_id, state, publish_at, id);

-- A post's text in each language it has.
CREATE TABLE blog_post_texts (
    post_id BIGINT NOT NULL REFERENCES blog_posts (id) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    title TEXT NOT NULL,
    body_html TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    PRIMARY KEY (post_id, lang)
);

CREATE TABLE faq_entries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    category_id BIGINT REFERENCES categories (id) ON DELETE SET NULL,
    position BIGINT NOT NULL DEFAULT 0,
    question_kk TEXT NOT NULL,
    question_ru TEXT NOT NULL,
    question_en TEXT NOT NULL,
    answer_kk TEXT NOT NULL,
    answer_ru TEXT NOT NULL,
    answer_en TEXT NOT NULL
);
CREATE INDEX faq_entries_body ON faq_entries (body_id, position);

-- Dated sessions of personal reception by the head or a deputy.
CREATE TABLE reception_slots (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    official_kk TEXT NOT NULL,
    official_ru TEXT NOT NULL,
    official_en TEXT NOT NULL,
    position_kk TEXT NOT NULL,
    position_ru TEXT NOT NULL,
    position_en TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    minutes BIGINT NOT NULL,
    place_kk TEXT NOT NULL,
    place_ru TEXT NOT NULL,
    place_en TEXT NOT NULL,
    online BOOLEAN NOT NULL,
    capacity BIGINT NOT NULL
);
CREATE INDEX reception_slots_body ON reception_slots (body_id, starts_at);

-- The session a reception request (a case of the 'reception' channel) asks for.
CREATE TABLE reception_requests (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    slot_id BIGINT NOT NULL REFERENCES reception_slots (id)
);
CREATE INDEX reception_requests_slot ON reception_requests (slot_id);

CREATE TABLE dialogue_links (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('poll', 'conference', 'other')),
    title_kk TEXT NOT NULL,
    title_ru TEXT NOT NULL,
    title_en TEXT NOT NULL,
    url TEXT NOT NULL,
    starts_at TIMESTAMPTZ,
    ends_at TIMESTAMPTZ
);
CREATE INDEX dialogue_links_body ON dialogue_links (body_id);

CREATE INDEX cases_channel ON cases (body_id, channel, confirmed_at);
