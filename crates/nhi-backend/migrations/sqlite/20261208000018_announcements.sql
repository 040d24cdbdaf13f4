-- 重要資訊: the NHIA's announcements above the home screen's services, published by staff in
-- the reviewer console.
CREATE TABLE announcements (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    -- The language it is written in (the app's language codes): read aloud as such.
    lang         TEXT NOT NULL DEFAULT 'zh-TW',
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
);
CREATE INDEX announcements_newest ON announcements (published_at DESC, id DESC);
