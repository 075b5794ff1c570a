/**
 * Numbered migrations, applied in order inside one transaction each;
 * `PRAGMA user_version` records the last one applied. Never edit a
 * migration that has shipped: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'posts, categories, search index, cursors, source health, audit, daily counts',
    sql: `
      CREATE TABLE posts (
        id              INTEGER PRIMARY KEY,
        source          TEXT    NOT NULL CHECK (source IN ('reddit', 'x')),
        external_id     TEXT    NOT NULL,
        url             TEXT    NOT NULL,
        community       TEXT    NOT NULL,
        kind            TEXT    NOT NULL CHECK (kind IN ('post', 'comment', 'tweet')),
        created_at      INTEGER NOT NULL,
        ingested_at     INTEGER NOT NULL,
        lang            TEXT    NOT NULL,
        title           TEXT,
        text            TEXT    NOT NULL,
        sentiment       REAL    NOT NULL,
        sentiment_label TEXT    NOT NULL CHECK (sentiment_label IN ('negative', 'neutral', 'positive')),
        priority        TEXT    NOT NULL CHECK (priority IN ('high', 'normal', 'low')),
        status          TEXT    NOT NULL DEFAULT 'open'
                                CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed')),
        status_by       TEXT,
        status_at       INTEGER,
        owner           TEXT,
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX posts_created_at ON posts (created_at);
      CREATE INDEX posts_status ON posts (status, created_at);

      CREATE TABLE post_categories (
        post_id        INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        category       TEXT    NOT NULL,
        subcategories  TEXT    NOT NULL DEFAULT '[]',
        matched        TEXT    NOT NULL,
        PRIMARY KEY (post_id, category)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX post_categories_category ON post_categories (category, post_id);

      CREATE VIRTUAL TABLE posts_fts USING fts5 (
        title, text,
        content = 'posts', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
        INSERT INTO posts_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
        INSERT INTO posts_fts (posts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, text ON posts BEGIN
        INSERT INTO posts_fts (posts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO posts_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;

      CREATE TABLE cursors (
        source     TEXT    PRIMARY KEY,
        cursor     TEXT    NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE source_health (
        source          TEXT    PRIMARY KEY,
        state           TEXT    NOT NULL CHECK (state IN ('ok', 'degraded', 'failing', 'paused')),
        since           INTEGER NOT NULL,
        last_success_at INTEGER,
        last_error      TEXT,
        alerted         INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE audit (
        id     INTEGER PRIMARY KEY,
        at     INTEGER NOT NULL,
        actor  TEXT    NOT NULL,
        action TEXT    NOT NULL,
        detail TEXT    NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_at ON audit (at);

      CREATE TABLE daily_counts (
        day       TEXT    NOT NULL,
        category  TEXT    NOT NULL,
        community TEXT    NOT NULL,
        source    TEXT    NOT NULL,
        count     INTEGER NOT NULL,
        PRIMARY KEY (day, category, community, source)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'posts read per source per month (X read budget)',
    sql: `
      CREATE TABLE source_reads (
        source TEXT    NOT NULL,
        month  TEXT    NOT NULL,
        reads  INTEGER NOT NULL,
        PRIMARY KEY (source, month)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'outbox of Slack messages, admin alerts sent once',
    sql: `
      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        post_id         INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        channel         TEXT    NOT NULL,
        owner           TEXT,
        categories      TEXT    NOT NULL,
        status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        message_ts      TEXT,
        error           TEXT,
        created_at      INTEGER NOT NULL,
        sent_at         INTEGER,
        UNIQUE (post_id, channel)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_message ON outbox (channel, message_ts);

      CREATE TABLE alerts (
        key TEXT    PRIMARY KEY,
        at  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'opt-outs as keyed hashes',
    sql: `
      CREATE TABLE opt_outs (
        hash       TEXT    PRIMARY KEY,
        platform   TEXT    NOT NULL CHECK (platform IN ('reddit', 'x')),
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'posts by arrival time, so a since: search reads only posts that arrived since',
    sql: `
      CREATE INDEX posts_ingested_at ON posts (ingested_at);
    `,
  },
  {
    version: 6,
    name: 'the store indexes each new post for search itself; no index on status',
    // An AFTER INSERT trigger on posts opens a statement savepoint for every
    // post, and FTS5 flushes its pending index at each savepoint: a segment per
    // post, three times the cost of indexing the batch at once (bench: ingest).
    // posts_status served no query.
    sql: `
      DROP TRIGGER posts_fts_insert;
      DROP INDEX posts_status;
    `,
  },
];
