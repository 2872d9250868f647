-- detente store, first schema. Column order of `events` is EVENT_COLUMNS in store/rows.py
-- (the same columns are written to CSV, TSV and Parquet); a test checks they agree.

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    inputs          VARCHAR[],
    documents       INTEGER,
    sentences       INTEGER,
    events          INTEGER,
    rejects         INTEGER,
    duplicates      INTEGER,
    seconds         DOUBLE,
    detente_version VARCHAR,
    model           VARCHAR,
    options_json    VARCHAR
);

CREATE TABLE documents (
    doc_id       VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    title        VARCHAR,
    date         DATE,
    url          VARCHAR,
    source       VARCHAR,
    origin       VARCHAR,
    language     VARCHAR,
    duplicate_of VARCHAR,
    n_chars      INTEGER,
    n_sentences  INTEGER,
    n_events     INTEGER,
    removed_json VARCHAR,
    run_id       VARCHAR,
    coded_at     TIMESTAMP,
    text         VARCHAR
);

CREATE TABLE events (
    event_id         VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    sentence_index   INTEGER,
    date             DATE,
    source_text      VARCHAR,
    source_name      VARCHAR,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_sectors   VARCHAR[],
    source_type      VARCHAR,
    source_entity_id VARCHAR,
    target_text      VARCHAR,
    target_name      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_sectors   VARCHAR[],
    target_type      VARCHAR,
    target_entity_id VARCHAR,
    cameo            VARCHAR NOT NULL,
    root             VARCHAR NOT NULL,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    plover_event     VARCHAR,
    plover_mode      VARCHAR,
    modality         VARCHAR,
    speaker          VARCHAR,
    reported_by      VARCHAR,
    sentence         VARCHAR,
    "start"          INTEGER,
    "end"            INTEGER,
    "trigger"        VARCHAR,
    "rule"           VARCHAR,
    mentions         INTEGER,
    evidence_json    VARCHAR,
    run_id           VARCHAR
);

CREATE TABLE rejects (
    origin VARCHAR NOT NULL,
    doc_id VARCHAR,
    code   VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    run_id VARCHAR
);
