CREATE TABLE media (
    id             TEXT PRIMARY KEY,
    owner_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('avatar', 'message')),
    content_type   TEXT NOT NULL,
    width          BIGINT NOT NULL,
    height         BIGINT NOT NULL,
    size           BIGINT NOT NULL,
    url            TEXT NOT NULL,
    thumbnail_url  TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    attached_at    BIGINT
);
CREATE INDEX media_unattached ON media (created_at) WHERE attached_at IS NULL;

ALTER TABLE messages ADD COLUMN image_id TEXT REFERENCES media (id) ON DELETE SET NULL;
CREATE INDEX messages_image ON messages (image_id);
