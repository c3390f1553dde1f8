-- Reflection tasks, mellomarbeid and focus areas (issue 5).
-- PostgreSQL 15 SQL that also runs on PGlite. Limits here repeat the domain's
-- (src/domain/reflections.ts, mellomarbeid.ts) so a bug above can never store more.

-- Every element of a text array within a length: CHECK constraints cannot hold subqueries,
-- an IMMUTABLE function may.
CREATE FUNCTION samlingspunkt_texts_within(texts text[], max_chars integer) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
$$ SELECT coalesce(bool_and(length(t) <= max_chars), true) FROM unnest(texts) AS t $$;

CREATE TABLE reflection_task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  plan_item_id uuid REFERENCES plan_item (id) ON DELETE SET NULL,
  -- 'refleksjon': free-text prompts; 'fokusomrade': the group picks focus areas/solutions.
  kind text NOT NULL DEFAULT 'refleksjon' CHECK (kind IN ('refleksjon', 'fokusomrade')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  prompts text[] NOT NULL CHECK (cardinality(prompts) BETWEEN 1 AND 10 AND samlingspunkt_texts_within(prompts, 500)),
  -- 'personlig': one answer per person; 'kommune': one shared answer per municipality group.
  answer_mode text NOT NULL CHECK (answer_mode IN ('personlig', 'kommune')),
  visibility text NOT NULL CHECK (visibility IN ('fasilitatorer', 'nettverket', 'anonym')),
  due_at timestamptz NOT NULL,
  created_by uuid REFERENCES member (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  seed_key text,
  UNIQUE (network_id, seed_key),
  -- A group answer is the municipality's own, with its versions and their authors: never anonymous.
  CHECK (NOT (answer_mode = 'kommune' AND visibility = 'anonym')),
  CHECK (kind <> 'fokusomrade' OR (answer_mode = 'kommune' AND visibility <> 'anonym'))
);

CREATE INDEX reflection_task_network ON reflection_task (network_id, due_at);

-- Named per-person answers (visibility fasilitatorer or nettverket). Edits overwrite.
CREATE TABLE reflection_answer (
  task_id uuid NOT NULL REFERENCES reflection_task (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  municipality_number char(4) REFERENCES municipality (number),
  answers text[] NOT NULL CHECK (cardinality(answers) BETWEEN 1 AND 10 AND samlingspunkt_texts_within(answers, 4000)),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, member_id)
);

-- Anonymous answers: no member id, no municipality, no timestamps. The only handle is the
-- SHA-256 of a random edit key that exists nowhere but in the author's own card, so
-- nothing stored here can be tied back to a person.
CREATE TABLE reflection_anonymous_answer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES reflection_task (id) ON DELETE CASCADE,
  edit_key_hash text NOT NULL UNIQUE CHECK (edit_key_hash ~ '^[0-9a-f]{64}$'),
  answers text[] NOT NULL CHECK (cardinality(answers) BETWEEN 1 AND 10 AND samlingspunkt_texts_within(answers, 4000))
);

-- Who has answered an anonymous task (one answer per person, and reminders for the rest),
-- kept apart from the answers and without a time, so the two cannot be joined.
CREATE TABLE reflection_participation (
  task_id uuid NOT NULL REFERENCES reflection_task (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, member_id)
);

-- Group answers, append-only: every save is a new version; the newest is the answer.
CREATE TABLE reflection_group_version (
  task_id uuid NOT NULL REFERENCES reflection_task (id) ON DELETE CASCADE,
  municipality_number char(4) NOT NULL REFERENCES municipality (number),
  version integer NOT NULL CHECK (version >= 1),
  answers text[] NOT NULL CHECK (cardinality(answers) BETWEEN 1 AND 10 AND samlingspunkt_texts_within(answers, 4000)),
  -- Focus-area tasks: the chosen catalogue codes ('fokusomrade:<code>' or 'losning:<code>').
  choices text[] NOT NULL DEFAULT '{}' CHECK (cardinality(choices) <= 30),
  -- The name is read from member, so a deleted person leaves no name behind in the history.
  author_member_id uuid REFERENCES member (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, municipality_number, version)
);

-- Versions are history: they are never changed, only forgotten with their task. The one
-- update allowed is forgetting a deleted author.
CREATE FUNCTION reflection_group_version_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.author_member_id IS NULL
     AND NEW.answers = OLD.answers AND NEW.choices = OLD.choices AND NEW.version = OLD.version
     AND NEW.task_id = OLD.task_id AND NEW.municipality_number = OLD.municipality_number THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'reflection_group_version er bare for tillegg' USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER reflection_group_version_no_update BEFORE UPDATE ON reflection_group_version
  FOR EACH ROW EXECUTE FUNCTION reflection_group_version_append_only();

-- Where a task's card went, so «send» twice does not deliver twice.
CREATE TABLE reflection_delivery (
  task_id uuid NOT NULL REFERENCES reflection_task (id) ON DELETE CASCADE,
  -- 'member:<uuid>' or 'conversation:<id>'
  recipient text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'unreachable', 'stale', 'failed', 'skipped')),
  reason text,
  activity_id text,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, recipient)
);

-- Mellomarbeid: one assignment from a plan item, one status row per municipality it is for.
CREATE TABLE mellomarbeid_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  plan_item_id uuid NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  due_at timestamptz NOT NULL,
  created_by uuid REFERENCES member (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  seed_key text,
  UNIQUE (network_id, seed_key)
);

CREATE INDEX mellomarbeid_assignment_network ON mellomarbeid_assignment (network_id, due_at);

CREATE TABLE mellomarbeid_status (
  assignment_id uuid NOT NULL REFERENCES mellomarbeid_assignment (id) ON DELETE CASCADE,
  network_id uuid NOT NULL,
  municipality_number char(4) NOT NULL,
  status text NOT NULL DEFAULT 'ikke-startet'
    CHECK (status IN ('ikke-startet', 'pabegynt', 'levert', 'tilbakemelding-gitt')),
  submission_text text CHECK (length(submission_text) <= 8000),
  submission_url text CHECK (submission_url ~ '^https://' AND length(submission_url) <= 2000),
  feedback text CHECK (length(feedback) <= 4000),
  delivered_at timestamptz,
  feedback_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES member (id) ON DELETE SET NULL,
  PRIMARY KEY (assignment_id, municipality_number),
  FOREIGN KEY (network_id, municipality_number)
    REFERENCES network_municipality (network_id, municipality_number) ON DELETE CASCADE
);

-- The status machine, once more at the bottom: the application moves one step at a time
-- (UPDATE … WHERE status = expected); this refuses anything else whoever writes.
CREATE FUNCTION mellomarbeid_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status
     OR (OLD.status, NEW.status) IN (
          ('ikke-startet', 'pabegynt'), ('pabegynt', 'levert'), ('levert', 'tilbakemelding-gitt'),
          ('levert', 'pabegynt'), ('tilbakemelding-gitt', 'pabegynt')) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Ulovlig statusendring for mellomarbeid: % → %', OLD.status, NEW.status USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER mellomarbeid_status_transition BEFORE UPDATE OF status ON mellomarbeid_status
  FOR EACH ROW EXECUTE FUNCTION mellomarbeid_status_guard();

-- Focus areas (and optionally a solution) a municipality has chosen, with the date.
CREATE TABLE municipality_focus (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  municipality_number char(4) NOT NULL,
  reform_code text NOT NULL,
  focus_area_code text NOT NULL,
  solution_code text,
  chosen_on date NOT NULL,
  task_id uuid REFERENCES reflection_task (id) ON DELETE SET NULL,
  chosen_by uuid REFERENCES member (id) ON DELETE SET NULL,
  FOREIGN KEY (network_id, municipality_number)
    REFERENCES network_municipality (network_id, municipality_number) ON DELETE CASCADE,
  FOREIGN KEY (reform_code, focus_area_code) REFERENCES focus_area (reform_code, code),
  FOREIGN KEY (reform_code, solution_code) REFERENCES solution (reform_code, code),
  UNIQUE NULLS NOT DISTINCT (network_id, municipality_number, focus_area_code, solution_code)
);

-- When a facilitator last set the municipality's reform phase.
ALTER TABLE network_municipality ADD COLUMN phase_set_at timestamptz;
