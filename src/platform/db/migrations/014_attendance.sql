-- Attendance (issue 13): who came to a plan item, with their municipality and sector, so the
-- support bodies can see whether only the health departments attend (seed 004).

-- One row per person and plan item. A member of the app, or a guest: someone in the Teams
-- meeting who is not in the app (a colleague from the municipality), named and placed by a
-- facilitator when an import could not match them. Municipality and sector are kept as they were
-- when the attendance was recorded, so the report of a past samling does not change when someone
-- moves to another municipality or sector later, or leaves the network.
CREATE TABLE attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_item_id uuid NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  -- Deleting a person deletes their attendance with them (privacy: «slett mine data»).
  member_id uuid REFERENCES member (id) ON DELETE CASCADE,
  guest_name text CHECK (length(guest_name) BETWEEN 1 AND 200),
  municipality_number char(4) REFERENCES municipality (number),
  sector text NOT NULL CHECK (sector IN (
    'helse-og-omsorg', 'plan', 'kultur', 'teknisk', 'folkehelse', 'frivillighet', 'eldrerad', 'annet')),
  -- Where it came from: the facilitator's check-list, a Teams attendance report, or (later) the
  -- meeting's own end event.
  source text NOT NULL CHECK (source IN ('checklist', 'import', 'meeting')),
  -- Minutes in the meeting, when the source knew it (a Teams report does).
  minutes integer CHECK (minutes BETWEEN 0 AND 10000),
  recorded_by uuid REFERENCES member (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- Lets the demo seed recognise its own rows; NULL for everything users record.
  seed_key text,
  CHECK ((member_id IS NULL) <> (guest_name IS NULL)),
  UNIQUE (network_id, seed_key)
);

CREATE UNIQUE INDEX attendance_member ON attendance (plan_item_id, member_id) WHERE member_id IS NOT NULL;
-- A guest is one person per name at one plan item: importing the same report twice adds nobody.
CREATE UNIQUE INDEX attendance_guest ON attendance (plan_item_id, lower(guest_name)) WHERE guest_name IS NOT NULL;
CREATE INDEX attendance_network ON attendance (network_id, plan_item_id);

-- What a facilitator taught the import: this e-mail address (or Teams name) in a report is this
-- member. Asked once, then matched without asking again, and shown as such in the preview.
-- Members carry no e-mail address in the app, so without this only names and Entra ids match.
CREATE TABLE attendance_alias (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  alias text NOT NULL CHECK (length(alias) BETWEEN 1 AND 320 AND alias = lower(alias)),
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, alias)
);
