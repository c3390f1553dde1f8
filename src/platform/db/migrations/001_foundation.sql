-- Foundation schema: regions, networks, municipalities, members, the activity plan,
-- the reform catalogue and the bot's conversation references.
-- Unqualified names on purpose: tests run each in their own schema via search_path.

CREATE TABLE organising_body (
  code text PRIMARY KEY CHECK (code IN ('SF', 'KS', 'USHT')),
  name text NOT NULL
);

INSERT INTO organising_body (code, name) VALUES
  ('SF', 'Statsforvalteren'),
  ('KS', 'KS'),
  ('USHT', 'Utviklingssenter for sykehjem og hjemmetjenester');

CREATE TABLE region (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120)
);

CREATE TABLE municipality (
  number char(4) PRIMARY KEY CHECK (number ~ '^[0-9]{4}$'),
  name text NOT NULL,
  county_number char(2) NOT NULL CHECK (county_number ~ '^[0-9]{2}$'),
  county_name text NOT NULL
);

CREATE TABLE reform (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL
);

CREATE TABLE focus_area (
  reform_code text NOT NULL REFERENCES reform (code) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  position smallint NOT NULL,
  PRIMARY KEY (reform_code, code)
);

CREATE TABLE solution (
  reform_code text NOT NULL,
  focus_area_code text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  position smallint NOT NULL,
  PRIMARY KEY (reform_code, code),
  FOREIGN KEY (reform_code, focus_area_code) REFERENCES focus_area (reform_code, code) ON DELETE CASCADE
);

CREATE TABLE network (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
  region_id uuid NOT NULL REFERENCES region (id),
  reform_code text NOT NULL REFERENCES reform (code),
  teams_team_id text UNIQUE,
  teams_channel_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE network_body (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  body_code text NOT NULL REFERENCES organising_body (code),
  PRIMARY KEY (network_id, body_code)
);

CREATE TABLE network_municipality (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  municipality_number char(4) NOT NULL REFERENCES municipality (number),
  phase smallint CHECK (phase BETWEEN 1 AND 4),
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, municipality_number)
);

-- A person, identified by Entra object id within a tenant.
CREATE TABLE member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id text NOT NULL,
  aad_object_id text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  sector text NOT NULL DEFAULT 'annet' CHECK (sector IN (
    'helse-og-omsorg', 'plan', 'kultur', 'teknisk', 'folkehelse', 'frivillighet', 'eldrerad', 'annet')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, aad_object_id)
);

-- Roles per network; a deltaker always belongs to exactly one municipality there.
CREATE TABLE network_member (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('deltaker', 'fasilitator')),
  municipality_number char(4),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, member_id),
  FOREIGN KEY (network_id, municipality_number)
    REFERENCES network_municipality (network_id, municipality_number),
  CHECK (role <> 'deltaker' OR municipality_number IS NOT NULL)
);

-- Koordinatorer see every network of their region.
CREATE TABLE region_coordinator (
  region_id uuid NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (region_id, member_id)
);

CREATE TABLE plan_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('samling', 'veiledning', 'mellomarbeid', 'dialogmote', 'webinar')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  agenda text CHECK (length(agenda) <= 4000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  format text NOT NULL CHECK (format IN ('digital', 'fysisk', 'hybrid', 'telefon')),
  responsible_body text REFERENCES organising_body (code),
  meeting_url text CHECK (meeting_url ~ '^https://'),
  -- Lets the demo seed recognise its own rows; NULL for everything users create.
  seed_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  UNIQUE (network_id, seed_key)
);

CREATE INDEX plan_item_network_start ON plan_item (network_id, starts_at);

-- What the bot needs to write into a conversation later (reminders, polls sent 1:1).
CREATE TABLE conversation_ref (
  conversation_id text PRIMARY KEY,
  channel_id text NOT NULL,
  service_url text NOT NULL,
  tenant_id text,
  conversation_type text NOT NULL CHECK (conversation_type IN ('personal', 'groupChat', 'channel')),
  team_id text,
  bot_id text NOT NULL,
  user_aad_object_id text,
  reference jsonb NOT NULL,
  installed boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX conversation_ref_user ON conversation_ref (tenant_id, user_aad_object_id)
  WHERE conversation_type = 'personal';
CREATE INDEX conversation_ref_team ON conversation_ref (team_id) WHERE team_id IS NOT NULL;
