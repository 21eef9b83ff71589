"""Schema changes, one function each, applied in order on start (sqlite-utils Migrations).

Never edit a migration that has shipped: add a new one.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app.core import codes

migrations = Migrations("klapjob")


def run_statements(db: Database, sql: str) -> None:
    """Run `;`-separated statements one by one: executescript() would commit the
    migration's transaction half-way."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_drafts_and_registrations(db: Database) -> None:
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
        """,
    )


@migrations()
def m002_back_office(db: Database) -> None:
    """Staff accounts and their sessions, the consultants' work on each registration, the
    municipalities' agreements, and the audit log (GDPR art. 9)."""
    run_statements(
        db,
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            -- URLs and forms name a user by this, never by the row id.
            public_id TEXT NOT NULL UNIQUE,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'consultant')),
            password_hash TEXT NOT NULL,
            totp_secret TEXT NOT NULL,
            totp_confirmed INTEGER NOT NULL DEFAULT 0,
            -- The time step of the last code used: a code works once.
            totp_last_step INTEGER NOT NULL DEFAULT 0,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            last_failed_at TEXT,
            locked_until TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        CREATE TABLE staff_sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        );
        CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

        ALTER TABLE registrations ADD COLUMN public_id TEXT;
        ALTER TABLE registrations ADD COLUMN consultant_id INTEGER REFERENCES users (id);
        ALTER TABLE registrations ADD COLUMN status_changed_at TEXT;
        ALTER TABLE registrations ADD COLUMN first_contact_at TEXT;
        ALTER TABLE registrations ADD COLUMN closed_at TEXT;
        ALTER TABLE registrations ADD COLUMN close_reason TEXT;
        ALTER TABLE registrations ADD COLUMN praktik_start TEXT;
        ALTER TABLE registrations ADD COLUMN job_start TEXT;
        ALTER TABLE registrations ADD COLUMN employer TEXT;
        ALTER TABLE registrations ADD COLUMN job_hours REAL;
        CREATE UNIQUE INDEX registrations_public_id ON registrations (public_id);
        CREATE INDEX registrations_consultant ON registrations (consultant_id);
        CREATE INDEX registrations_closed_at ON registrations (closed_at);

        -- What happened to a registration: status changes, assignments, job details,
        -- follow-ups and notes, who did it and when. Deleted with the registration.
        CREATE TABLE registration_history (
            id INTEGER PRIMARY KEY,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            user_id INTEGER REFERENCES users (id),
            kind TEXT NOT NULL,
            status TEXT,
            assignee_id INTEGER REFERENCES users (id),
            reason TEXT,
            due_on TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX registration_history_registration ON registration_history (registration_id);

        CREATE TABLE municipality_agreements (
            code TEXT PRIMARY KEY,
            has_agreement INTEGER NOT NULL DEFAULT 0,
            consultant_id INTEGER REFERENCES users (id)
        );

        -- Who did what, when. It names a registration only by its reference, so the log
        -- survives the registration's deletion without keeping anything about the person.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id INTEGER REFERENCES users (id),
            action TEXT NOT NULL,
            reference TEXT,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_log_reference ON audit_log (reference);
        CREATE INDEX audit_log_at ON audit_log (at)
        """,
    )
    for row in list(db.query("SELECT id FROM registrations WHERE public_id IS NULL")):
        db.execute(
            "UPDATE registrations SET public_id = ? WHERE id = ?",
            [codes.new_public_id(12), row["id"]],
        )


@migrations()
def m003_coming_back_and_helper_consent(db: Database) -> None:
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


@migrations()
def m004_meetings_and_ambassadors(db: Database) -> None:
    run_statements(
        db,
        """
        -- Jobkaravane meetings: a municipality invites its people on disability pension.
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            starts_at TEXT NOT NULL,
            ends_at TEXT,
            place TEXT NOT NULL,
            municipality_code TEXT NOT NULL,
            description_da TEXT NOT NULL,
            description_en TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users (id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX meetings_starts_at ON meetings (starts_at);

        CREATE TABLE meeting_signups (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            phone TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX meeting_signups_meeting ON meeting_signups (meeting_id);

        -- KLAPjob's ambassadors: contacts staff keep, not users who sign in.
        CREATE TABLE ambassadors (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            municipality_code TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        -- A person who asked to talk with an ambassador, and the one staff chose.
        CREATE TABLE ambassador_matches (
            registration_id INTEGER PRIMARY KEY REFERENCES registrations (id) ON DELETE CASCADE,
            ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
            matched_by INTEGER REFERENCES users (id),
            matched_at TEXT NOT NULL,
            talked_on TEXT,
            note TEXT NOT NULL DEFAULT ''
        )
        """,
    )


@migrations()
def m005_callback_promise_and_jobcentre_consent(db: Database) -> None:
    run_statements(
        db,
        """
        -- The day the receipt promised a call by, or NULL where no consultant covered the
        -- municipality and no day was promised.
        ALTER TABLE registrations ADD COLUMN callback_promised_by TEXT;
        -- The person's own yes to KLAPjob talking with the job centre in their municipality.
        ALTER TABLE registrations ADD COLUMN consent_jobcentre INTEGER NOT NULL DEFAULT 0
        """,
    )


@migrations()
def m006_rate_events(db: Database) -> None:
    run_statements(
        db,
        """
        -- What one client, account or device did recently (drafts started, codes tried,
        -- sign-ins failed, seconds of speech made), to slow down and limit strangers. The
        -- subject is a keyed hash: no IP address is stored.
        CREATE TABLE rate_events (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            at REAL NOT NULL,
            amount REAL NOT NULL DEFAULT 1
        );
        CREATE INDEX rate_events_subject ON rate_events (kind, subject, at);
        CREATE INDEX rate_events_at ON rate_events (kind, at);

        -- Failed codes are counted in rate_events now, without the raw address.
        DROP TABLE resume_attempts;

        -- So are failed sign-ins, per address typed, client and device (sign_in_guard.py).
        ALTER TABLE users DROP COLUMN failed_sign_ins;
        ALTER TABLE users DROP COLUMN last_failed_at;
        ALTER TABLE users DROP COLUMN locked_until
        """,
    )


@migrations()
def m007_job_profiles(db: Database) -> None:
    run_statements(
        db,
        """
        -- "Det er mig": the person's job profile. Built from the answers, each version keeps
        -- what is added to them and whether health is shown, with who made it and when
        -- (made_by NULL: the person on the site). Deleted with the registration.
        CREATE TABLE profile_versions (
            id INTEGER PRIMARY KEY,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            made_at TEXT NOT NULL,
            made_by INTEGER REFERENCES users (id),
            include_health INTEGER NOT NULL DEFAULT 0,
            good_at TEXT NOT NULL DEFAULT '',
            went_well TEXT NOT NULL DEFAULT '',
            was_hard TEXT NOT NULL DEFAULT '',
            accommodations TEXT NOT NULL DEFAULT '',
            UNIQUE (registration_id, number)
        );

        -- The person's yes to showing their profile to one employer, from a date, until
        -- it is withdrawn. Without a yes that stands, no employer version is made.
        CREATE TABLE employer_consents (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            employer TEXT NOT NULL,
            agreed_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by INTEGER REFERENCES users (id),
            withdrawn_at TEXT,
            withdrawn_by INTEGER REFERENCES users (id)
        );
        CREATE INDEX employer_consents_registration ON employer_consents (registration_id)
        """,
    )


@migrations()
def m008_next_steps_and_appointments(db: Database) -> None:
    run_statements(
        db,
        """
        -- The consultant's next step on a case, with the day it is due by: one a case.
        CREATE TABLE next_steps (
            registration_id INTEGER PRIMARY KEY
                REFERENCES registrations (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            due_on TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            set_by INTEGER REFERENCES users (id),
            set_at TEXT NOT NULL
        );
        CREATE INDEX next_steps_due_on ON next_steps (due_on);

        -- Meetings on a case (not the jobkaravane meetings): when, where and who comes.
        -- Times in Danish local time, as staff enter them. Deleted with the case.
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            starts_at TEXT NOT NULL,
            ends_at TEXT,
            place TEXT NOT NULL,
            -- Who comes, as keys separated by spaces: person helper jobcentre employer
            attendees TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users (id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX appointments_registration ON appointments (registration_id);
        CREATE INDEX appointments_starts_at ON appointments (starts_at);

        -- When to follow up after a work trial or a job starts (casework/follow_up_plans.py).
        ALTER TABLE registrations ADD COLUMN follow_up_plan TEXT NOT NULL DEFAULT 'standard'
        """,
    )


@migrations()
def m009_placements(db: Database) -> None:
    run_statements(
        db,
        """
        -- A person's work trials and jobs, one row each (a new job never overwrites a work
        -- trial): the kind, the workplace and its contact, start and end, hours a week,
        -- the job centre's decision, and why it ended. Deleted with the case.
        CREATE TABLE placements (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            workplace TEXT NOT NULL,
            contact_name TEXT NOT NULL DEFAULT '',
            contact_phone TEXT NOT NULL DEFAULT '',
            starts_on TEXT NOT NULL,
            ends_on TEXT,
            hours REAL,
            granted INTEGER NOT NULL DEFAULT 0,
            granted_on TEXT,
            end_reason TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users (id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX placements_registration ON placements (registration_id)
        """,
    )


@migrations()
def m010_health_withheld(db: Database) -> None:
    run_statements(
        db,
        """
        -- The person wrote about their health but did not say yes to keeping it: the
        -- answer was not kept, and staff see "not kept: no consent", never "not answered".
        ALTER TABLE registrations ADD COLUMN health_withheld INTEGER NOT NULL DEFAULT 0
        """,
    )


@migrations()
def m011_monthly_figures(db: Database) -> None:
    run_statements(
        db,
        """
        -- Anonymous counts a month and a municipality, written with each change (no person
        -- in them): the reports for the municipalities read these, so last year's report
        -- does not change when a person is deleted or purged.
        CREATE TABLE monthly_figures (
            month TEXT NOT NULL,
            municipality_code TEXT NOT NULL,
            measure TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            count INTEGER NOT NULL DEFAULT 0,
            amount REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (month, municipality_code, measure, kind)
        );

        -- A job counted as still going 6 and 12 months after its start.
        ALTER TABLE placements ADD COLUMN counted_months INTEGER NOT NULL DEFAULT 0
        """,
    )


@migrations()
def m012_staff_registrations_and_merges(db: Database) -> None:
    run_statements(
        db,
        """
        -- Where a registration began: 'site', or staff who took it by 'phone', from a
        -- 'jobcentre' referral or a 'meeting' sign-up. For those: which staff user took
        -- the person's consent (given by phone) and when.
        ALTER TABLE registrations ADD COLUMN channel TEXT NOT NULL DEFAULT 'site';
        ALTER TABLE registrations ADD COLUMN consent_taken_by INTEGER REFERENCES users (id);
        ALTER TABLE registrations ADD COLUMN consent_taken_at TEXT;

        -- A registration staff are filling in with a person on the phone: a draft (the
        -- same answers as the site's) held by its hash, the channel, who started it. Gone
        -- with the draft, when it is sent or purged.
        CREATE TABLE staff_intakes (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            draft_token_hash TEXT NOT NULL UNIQUE
                REFERENCES drafts (token_hash) ON DELETE CASCADE ON UPDATE CASCADE,
            channel TEXT NOT NULL,
            started_by INTEGER REFERENCES users (id),
            started_at TEXT NOT NULL
        );

        -- Likely duplicates are found by phone, email, or name (with the age group).
        CREATE INDEX registrations_phone ON registrations (phone);
        CREATE INDEX registrations_email ON registrations (email);
        CREATE INDEX registrations_name ON registrations (name COLLATE NOCASE)
        """,
    )


@migrations()
def m013_attendance_and_requests(db: Database) -> None:
    run_statements(
        db,
        """
        -- Did the person who signed up come to the meeting? NULL: not marked yet.
        ALTER TABLE meeting_signups ADD COLUMN attended INTEGER;

        -- The kind of work an ambassador knows (a key of the work question's choices),
        -- so the match list can put ambassadors in the person's line of work first.
        ALTER TABLE ambassadors ADD COLUMN line_of_work TEXT NOT NULL DEFAULT '';

        -- Access and deletion requests from a person (GDPR art. 15 and 17), due 30 days
        -- after they came in. When the registration is deleted the row stays without the
        -- person: only the kind, the days and who handled it (the register of requests).
        CREATE TABLE person_requests (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            registration_id INTEGER REFERENCES registrations (id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            received_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            channel TEXT,
            registered_by INTEGER REFERENCES users (id),
            registered_at TEXT NOT NULL,
            done_on TEXT,
            done_by INTEGER REFERENCES users (id)
        );
        CREATE INDEX person_requests_due_on ON person_requests (done_on, due_on);
        CREATE INDEX person_requests_registration ON person_requests (registration_id)
        """,
    )


@migrations()
def m014_signups_registered(db: Database) -> None:
    run_statements(
        db,
        """
        -- When a registration was made from a meeting sign-up: it is then no longer offered.
        -- Sign-ups from before stay NULL (offered), as nothing linked them.
        ALTER TABLE meeting_signups ADD COLUMN registered_at TEXT;

        -- The sign-up a registration taken by phone began from, if any.
        ALTER TABLE staff_intakes ADD COLUMN signup_id INTEGER
            REFERENCES meeting_signups (id) ON DELETE SET NULL
        """,
    )


@migrations()
def m015_merges_kept_and_an_append_only_audit_log(db: Database) -> None:
    run_statements(
        db,
        """
        -- An entry that links two references: a registration merged into another names
        -- the kept one here, so the kept case's trail includes what was done to it.
        ALTER TABLE audit_log ADD COLUMN linked_reference TEXT;
        CREATE INDEX audit_log_linked_reference ON audit_log (linked_reference);

        -- What a registration merged into a case said, kept in that case's history (its
        -- answers as JSON, without health: that is deleted by an admin's merge).
        CREATE TABLE merged_registrations (
            id INTEGER PRIMARY KEY,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            reference TEXT NOT NULL,
            channel TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            answers TEXT NOT NULL,
            merged_at TEXT NOT NULL,
            merged_by INTEGER REFERENCES users (id)
        );
        CREATE INDEX merged_registrations_registration ON merged_registrations (registration_id)
        """,
    )
    # The audit log is only added to: nothing the site does changes or removes an entry
    # (entries name a registration by its reference only, so deleting a person needs none).
    for change in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER audit_log_no_{change.lower()} BEFORE {change} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )


@migrations()
def m016_health_to_the_job_centre(db: Database) -> None:
    run_statements(
        db,
        """
        -- Health leaves KLAPjob only with its own yes that names the job centre: a yes to
        -- the job centre alone is not one.
        ALTER TABLE registrations ADD COLUMN consent_health_jobcentre INTEGER NOT NULL DEFAULT 0
        """,
    )


@migrations()
def m017_own_passwords_and_sessions(db: Database) -> None:
    run_statements(
        db,
        """
        -- Set when an admin chose the password (a new account, a reset): the person
        -- chooses their own at the next sign-in. Every password so far was chosen so.
        ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 1;

        -- A person sees their sessions and ends the others: each is named by a random id
        -- (its token's hash never leaves the server) and the browser it began in. The
        -- sessions from before have neither: they end, and everybody signs in again.
        DELETE FROM staff_sessions;
        ALTER TABLE staff_sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE staff_sessions ADD COLUMN browser TEXT NOT NULL DEFAULT '';
        CREATE UNIQUE INDEX staff_sessions_public_id ON staff_sessions (public_id)
        """,
    )


@migrations()
def m018_corrections(db: Database) -> None:
    run_statements(
        db,
        """
        -- A correction on a case: which answer, placement or yes was changed, what it was
        -- before and what it is after (JSON). Deleted with the case, like its history.
        ALTER TABLE registration_history ADD COLUMN field TEXT;
        ALTER TABLE registration_history ADD COLUMN before TEXT;
        ALTER TABLE registration_history ADD COLUMN after TEXT
        """,
    )


@migrations()
def m019_days_apart_from_times(db: Database) -> None:
    run_statements(
        db,
        """
        -- The page "times" asked for days and times of day together. Now "days" is a page
        -- of its own. A draft that answered the old page has answered both
        UPDATE drafts SET completed = json_insert(completed, '$[#]', 'days')
        WHERE EXISTS (SELECT 1 FROM json_each(drafts.completed) WHERE value = 'times')
        AND NOT EXISTS (SELECT 1 FROM json_each(drafts.completed) WHERE value = 'days')
        """,
    )


@migrations()
def m020_voice_answers(db: Database) -> None:
    run_statements(
        db,
        """
        -- A free-text answer said in the person's own voice: one recording a field, with
        -- the draft (moved with it by link or code: ON UPDATE CASCADE), then with the
        -- registration. Gone with either, and by the purge. The bytes live only here.
        CREATE TABLE voice_answers (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            draft_token_hash TEXT
                REFERENCES drafts (token_hash) ON DELETE CASCADE ON UPDATE CASCADE,
            registration_id INTEGER REFERENCES registrations (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            mime_type TEXT NOT NULL,
            seconds REAL NOT NULL,
            size INTEGER NOT NULL,
            audio BLOB NOT NULL,
            recorded_at TEXT NOT NULL,
            CHECK ((draft_token_hash IS NULL) <> (registration_id IS NULL))
        );
        CREATE UNIQUE INDEX voice_answers_draft_field ON voice_answers (draft_token_hash, field);
        CREATE UNIQUE INDEX voice_answers_registration_field
            ON voice_answers (registration_id, field)
        """,
    )


@migrations()
def m021_typed_work_kept(db: Database) -> None:
    run_statements(
        db,
        """
        -- What a consultant typed on a case and sent after the back office had signed them
        -- out (idle): kept for them alone until they sign in again and see it in its
        -- fields (then deleted), at most a working day. Gone with the case or the account.
        CREATE TABLE typed_work (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
            fields TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            UNIQUE (user_id, registration_id)
        )
        """,
    )


@migrations()
def m022_reports_kept_as_sent(db: Database) -> None:
    run_statements(
        db,
        """
        -- A municipality's report as it was sent: its lines and counts a month (JSON, no
        -- person in them), who kept it and when. Later corrections show beside it.
        CREATE TABLE sent_reports (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            municipality_code TEXT NOT NULL,
            first_month TEXT NOT NULL,
            last_month TEXT NOT NULL,
            lines TEXT NOT NULL,
            sent_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
            sent_at TEXT NOT NULL
        );
        CREATE INDEX sent_reports_period
            ON sent_reports (municipality_code, first_month, last_month)
        """,
    )


@migrations()
def m023_typed_work_on_phone_registrations(db: Database) -> None:
    run_statements(
        db,
        """
        -- Typed work kept at an idle sign-out on a phone registration too (staff_intakes),
        -- and the page it was typed on, to put it back there: a case or a question page.
        CREATE TABLE typed_work_new (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            registration_id INTEGER REFERENCES registrations (id) ON DELETE CASCADE,
            intake_id INTEGER REFERENCES staff_intakes (id) ON DELETE CASCADE,
            page TEXT,
            fields TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            CHECK ((registration_id IS NULL) != (intake_id IS NULL)),
            UNIQUE (user_id, registration_id),
            UNIQUE (user_id, intake_id)
        );
        INSERT INTO typed_work_new (id, user_id, registration_id, fields, kept_at)
            SELECT id, user_id, registration_id, fields, kept_at FROM typed_work;
        DROP TABLE typed_work;
        ALTER TABLE typed_work_new RENAME TO typed_work
        """,
    )


@migrations()
def m024_voice_on_the_profile(db: Database) -> None:
    run_statements(
        db,
        """
        -- The person's own yes to their recorded voice on their job profile (a version
        -- keeps it, as it keeps the health choice: 0 until they say yes), and an employer's
        -- version's own yes to it. Old rows said no to both
        ALTER TABLE profile_versions ADD COLUMN include_voice INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE employer_consents ADD COLUMN with_voice INTEGER NOT NULL DEFAULT 0
        """,
    )


@migrations()
def m026_teams(db: Database) -> None:
    run_statements(
        db,
        """
        -- A team of consultants (a region, say) covers for each other: its members read
        -- each other's cases and every case in the municipalities a member covers.
        CREATE TABLE teams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        ALTER TABLE users ADD COLUMN team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL
        """,
    )


@migrations()
def m027_a_photo_on_the_profile(db: Database) -> None:
    run_statements(
        db,
        """
        -- The photo the person chose for their job profile: at most one, made small and
        -- saved again as a JPEG without its metadata on the server (app/core/photos.py).
        -- The bytes live only here. Gone with the registration (the person's deletion,
        -- the purge), and when the person removes it or takes another.
        CREATE TABLE profile_photos (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            registration_id INTEGER NOT NULL UNIQUE
                REFERENCES registrations (id) ON DELETE CASCADE,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            size INTEGER NOT NULL,
            image BLOB NOT NULL,
            added_at TEXT NOT NULL
        );
        -- An employer's version shows the photo only with its own yes to it. Old rows
        -- said no
        ALTER TABLE employer_consents ADD COLUMN with_photo INTEGER NOT NULL DEFAULT 0
        """,
    )


@migrations()
def m029_typed_work_on_any_form_page(db: Database) -> None:
    run_statements(
        db,
        """
        -- Typed work kept on any page with its own form: a case's (a correction, a request),
        -- a phone registration's, or no person's (a new meeting, an ambassador). A row
        -- points at one case or registration at most: without one, its page names it.
        CREATE TABLE typed_work_new (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            registration_id INTEGER REFERENCES registrations (id) ON DELETE CASCADE,
            intake_id INTEGER REFERENCES staff_intakes (id) ON DELETE CASCADE,
            page TEXT,
            fields TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            CHECK (registration_id IS NULL OR intake_id IS NULL),
            CHECK (registration_id IS NOT NULL OR intake_id IS NOT NULL OR page IS NOT NULL),
            UNIQUE (user_id, registration_id),
            UNIQUE (user_id, intake_id)
        );
        INSERT INTO typed_work_new (id, user_id, registration_id, intake_id, page, fields,
            kept_at)
            SELECT id, user_id, registration_id, intake_id, page, fields, kept_at
            FROM typed_work;
        DROP TABLE typed_work;
        ALTER TABLE typed_work_new RENAME TO typed_work;
        CREATE UNIQUE INDEX typed_work_on_a_page ON typed_work (user_id, page)
            WHERE registration_id IS NULL AND intake_id IS NULL
        """,
    )


@migrations()
def m030_profile_links(db: Database) -> None:
    run_statements(
        db,
        """
        -- The link in the QR code of a printed job profile: one a printed version (the
        -- person's own, or one employer's), kept as the hash of its token only. It ends
        -- at ends_at, when its employer's yes goes, and with the person (CASCADE).
        -- with_health: that paper showed the health the person chose to show.
        CREATE TABLE profile_links (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            registration_id INTEGER NOT NULL
                REFERENCES registrations (id) ON DELETE CASCADE,
            employer_consent_id INTEGER
                REFERENCES employer_consents (id) ON DELETE CASCADE,
            with_health INTEGER NOT NULL DEFAULT 0,
            made_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
            made_at TEXT NOT NULL,
            ends_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX profile_links_one_a_version
            ON profile_links (registration_id, coalesce(employer_consent_id, 0));
        CREATE INDEX profile_links_employer ON profile_links (employer_consent_id)
        """,
    )
