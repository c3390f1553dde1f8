-- Polls (meningsmåling, issue 4): the poll, where its cards were posted, and one answer per
-- voter. PostgreSQL 15 SQL that also runs on PGlite. Limits repeat src/domain/polls.ts so a
-- bug above can never store more.

CREATE TABLE poll (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  plan_item_id uuid REFERENCES plan_item (id) ON DELETE SET NULL,
  -- The before-poll this one repeats (same question and options): «gjenta måling».
  repeat_of uuid REFERENCES poll (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('enkeltvalg', 'flervalg', 'skala', 'fritekst')),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
  options text[] NOT NULL DEFAULT '{}' CHECK (cardinality(options) <= 10),
  max_choices smallint,
  scale_max smallint CHECK (scale_max IN (5, 10)),
  scale_min_label text CHECK (length(scale_min_label) <= 60),
  scale_max_label text CHECK (length(scale_max_label) <= 60),
  -- Chosen at creation and never changed: poll_vote's foreign key pins it once answers exist.
  anonymous boolean NOT NULL,
  opens_at timestamptz NOT NULL,
  -- Planned close; closed_at is when it actually closed (by hand or by the close job).
  closes_at timestamptz,
  closed_at timestamptz,
  -- Also send the card 1:1 to every deltaker when it opens.
  send_to_all boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES member (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  seed_key text,
  UNIQUE (network_id, seed_key),
  UNIQUE (id, anonymous),
  CHECK (closes_at IS NULL OR closes_at > opens_at),
  CHECK ((kind IN ('enkeltvalg', 'flervalg')) = (cardinality(options) >= 2)),
  CHECK ((kind = 'flervalg') = (max_choices IS NOT NULL)),
  CHECK (max_choices IS NULL OR max_choices BETWEEN 1 AND cardinality(options)),
  CHECK ((kind = 'skala') = (scale_max IS NOT NULL))
);

CREATE INDEX poll_network ON poll (network_id, created_at DESC);
-- One after-poll per before-poll keeps the before/after pair unambiguous.
CREATE UNIQUE INDEX poll_one_repeat ON poll (repeat_of) WHERE repeat_of IS NOT NULL;

-- Where the poll's card went. Shared cards (channel, group/meeting chat) are updated in place;
-- activity_id is NULL while a scheduled poll waits to open.
CREATE TABLE poll_post (
  poll_id uuid NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  conversation_type text NOT NULL CHECK (conversation_type IN ('personal', 'groupChat', 'channel')),
  activity_id text,
  -- Who gets a user-specific view by automatic refresh: 'ukjent' until the roster was read,
  -- 'liten' (≤ 60 people, their ids in refresh_user_ids) or 'stor' (a «Vis mitt svar» button).
  audience text NOT NULL DEFAULT 'ukjent' CHECK (audience IN ('ukjent', 'liten', 'stor')),
  refresh_user_ids text[] CHECK (cardinality(refresh_user_ids) <= 60),
  -- Time of the tally the card now shows; an older tally is never sent over a newer one.
  card_as_of timestamptz,
  posted_at timestamptz,
  PRIMARY KEY (poll_id, conversation_id)
);

-- One answer per voter per poll, by the primary key. voter_key is the member id for named
-- polls and an HMAC (server secret) of the person for anonymous ones. Anonymous rows carry
-- no member id and no time: the checks below make the database itself refuse them.
CREATE TABLE poll_vote (
  poll_id uuid NOT NULL,
  voter_key text NOT NULL CHECK (length(voter_key) BETWEEN 32 AND 64),
  anonymous boolean NOT NULL,
  member_id uuid REFERENCES member (id) ON DELETE CASCADE,
  -- For breakdowns; for anonymous polls only shown for groups of 5 or more.
  municipality_number char(4) REFERENCES municipality (number),
  sector text CHECK (sector IN (
    'helse-og-omsorg', 'plan', 'kultur', 'teknisk', 'folkehelse', 'frivillighet', 'eldrerad', 'annet')),
  choices smallint[] CHECK (cardinality(choices) BETWEEN 1 AND 10),
  scale_value smallint CHECK (scale_value BETWEEN 1 AND 10),
  text_answer text CHECK (length(text_answer) BETWEEN 1 AND 200),
  answered_at timestamptz,
  PRIMARY KEY (poll_id, voter_key),
  FOREIGN KEY (poll_id, anonymous) REFERENCES poll (id, anonymous) ON DELETE CASCADE,
  CHECK (anonymous = (member_id IS NULL)),
  CHECK (anonymous = (answered_at IS NULL)),
  CHECK (anonymous OR voter_key = member_id::text),
  CHECK (num_nonnulls(choices, scale_value, text_answer) = 1)
);

CREATE INDEX poll_vote_member ON poll_vote (member_id) WHERE member_id IS NOT NULL;

-- Local mode only: the generated key for anonymous voter hashes and card signatures, so it
-- survives restarts. Production reads POLL_HASH_SECRET and never stores it here.
CREATE TABLE local_secret (
  name text PRIMARY KEY,
  value bytea NOT NULL CHECK (length(value) >= 32)
);
