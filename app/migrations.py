"""Schema changes, one function each, applied in order on start (sqlite-utils Migrations).

Never edit a migration that has shipped: add a new one.
"""

from sqlite_utils.migrations import Migrations

migrations = Migrations("klapjob")


def run_statements(db, sql):
    """Run `;`-separated statements one by one: executescript() would commit the
    migration's transaction half-way."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_drafts_and_registrations(db):
    run_statements(
        db,
        """
        CREATE TABLE drafts (
            token_hash TEXT PRIMARY KEY,
            answers TEXT NOT NULL DEFAULT '{}',
            completed TEXT NOT NULL DEFAULT '[]',
            language TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX drafts_updated_at ON drafts (updated_at);

        CREATE TABLE registrations (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            -- The draft a registration came from: a second press of "Send" finds it.
            draft_token_hash TEXT UNIQUE,
            submitted_at TEXT NOT NULL,
            language TEXT NOT NULL,
            -- Copies of a few answers, kept as columns so staff can filter and search.
            name TEXT NOT NULL,
            filled_by TEXT NOT NULL,
            contact_method TEXT NOT NULL,
            phone TEXT,
            email TEXT,
            municipality_code TEXT NOT NULL,
            wants_ambassador TEXT,
            consent_health INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'new'
        );
        CREATE INDEX registrations_submitted_at ON registrations (submitted_at);
        CREATE INDEX registrations_status ON registrations (status);

        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            value TEXT NOT NULL
        );
        CREATE INDEX answers_registration ON answers (registration_id);
        """
    )


@migrations()
def m002_coming_back_and_helper_consent(db):
    run_statements(
        db,
        """
        -- A way back to a draft from another device or another day: a link sent by mail or a
        -- short code shown on the screen. Only a keyed hash of each is kept.
        CREATE TABLE resume_keys (
            id INTEGER PRIMARY KEY,
            draft_token_hash TEXT NOT NULL
                REFERENCES drafts (token_hash) ON DELETE CASCADE ON UPDATE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('link', 'code')),
            key_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );
        CREATE INDEX resume_keys_draft ON resume_keys (draft_token_hash);

        -- Failed attempts to type a code, to slow down guessing.
        CREATE TABLE resume_attempts (
            id INTEGER PRIMARY KEY,
            client TEXT NOT NULL,
            attempted_at TEXT NOT NULL
        );
        CREATE INDEX resume_attempts_client ON resume_attempts (client, attempted_at);

        ALTER TABLE registrations ADD COLUMN consent_contact_helper INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE registrations ADD COLUMN helper_copy_sent_at TEXT
        """,
    )
