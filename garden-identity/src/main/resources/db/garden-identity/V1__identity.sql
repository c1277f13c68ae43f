-- Garden's identity store. One script for PostgreSQL and for H2 (which runs in PostgreSQL mode): plain SQL types,
-- no RETURNING, no partial indexes. Times are TIMESTAMP WITH TIME ZONE at microsecond precision; emails lower case.

-- Every write transaction first increments this one row. The row lock serializes writers across processes (so a
-- check-then-insert cannot race), and because a writer holds it until it commits, versions become visible in
-- order: a cache that has seen version N has seen every change up to N.
CREATE TABLE store_version (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    version   BIGINT  NOT NULL
);
INSERT INTO store_version (singleton, version) VALUES (1, 0);

-- What each version changed, for people reading the database; caches only look at store_version.
CREATE TABLE change_log (
    version     BIGINT                   PRIMARY KEY,
    change_time TIMESTAMP WITH TIME ZONE NOT NULL,
    change      VARCHAR(500)             NOT NULL
);

CREATE TABLE projects (
    project_id   VARCHAR(30)              PRIMARY KEY,
    display_name VARCHAR(100)             NOT NULL,
    create_time  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE service_accounts (
    email        VARCHAR(100)             PRIMARY KEY,
    project_id   VARCHAR(30)              NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    unique_id    VARCHAR(21)              NOT NULL UNIQUE,
    display_name VARCHAR(100)             NOT NULL,
    disabled     BOOLEAN                  NOT NULL,
    create_time  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX service_accounts_by_project ON service_accounts (project_id);

-- Only the public half: an X.509 SubjectPublicKeyInfo (DER). Private keys are handed out once and never stored.
CREATE TABLE service_account_keys (
    key_id        VARCHAR(40)              PRIMARY KEY,
    account_email VARCHAR(100)             NOT NULL REFERENCES service_accounts (email) ON DELETE CASCADE,
    public_key    BYTEA                    NOT NULL,
    disabled      BOOLEAN                  NOT NULL,
    create_time   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX service_account_keys_by_account ON service_account_keys (account_email);

CREATE TABLE users (
    email       VARCHAR(254)             PRIMARY KEY,
    disabled    BOOLEAN                  NOT NULL,
    create_time TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE oauth_clients (
    client_id     VARCHAR(100)             PRIMARY KEY,
    secret_sha256 VARCHAR(64)              NOT NULL,
    display_name  VARCHAR(100)             NOT NULL,
    create_time   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE refresh_tokens (
    id           VARCHAR(64)              PRIMARY KEY,
    token_sha256 VARCHAR(64)              NOT NULL UNIQUE,
    user_email   VARCHAR(254)             NOT NULL REFERENCES users (email) ON DELETE CASCADE,
    client_id    VARCHAR(100)             NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    revoked      BOOLEAN                  NOT NULL,
    create_time  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_email);

-- Members are not foreign keys (they point at two tables); deleting an account deletes its bindings explicitly,
-- so that an account re-created under the same name does not inherit them.
CREATE TABLE iam_bindings (
    project_id   VARCHAR(30)  NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    role         VARCHAR(100) NOT NULL,
    member_type  VARCHAR(20)  NOT NULL,
    member_email VARCHAR(254) NOT NULL,
    PRIMARY KEY (project_id, role, member_type, member_email)
);
CREATE INDEX iam_bindings_by_member ON iam_bindings (member_type, member_email);

-- retire_time: set when a rotation retires the key; it still checks tokens until then, and is purged after.
CREATE TABLE signing_keys (
    key_id      VARCHAR(32)              PRIMARY KEY,
    secret      BYTEA                    NOT NULL,
    active      BOOLEAN                  NOT NULL,
    create_time TIMESTAMP WITH TIME ZONE NOT NULL,
    retire_time TIMESTAMP WITH TIME ZONE
);

CREATE TABLE revoked_access_tokens (
    token_id    VARCHAR(200)             PRIMARY KEY,
    expire_time TIMESTAMP WITH TIME ZONE NOT NULL
);
