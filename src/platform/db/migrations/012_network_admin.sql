-- Administration of a network (issue 12): the end of a programme, and the team roster that
-- facilitators invite members from.

-- When the programme ended. From then on the network is read-only (src/shared/policy.ts refuses
-- every write) and its reminders stop; its data stays until retention. Not archived_at, which
-- retention sets to hide a network entirely once its time is up.
ALTER TABLE network ADD COLUMN ended_at timestamptz;

-- Who is in a Teams team, as «synk medlemmer» and Teams' membersAdded/membersRemoved tell it.
-- Being here makes nobody a member of a network: it is the list a facilitator invites from.
-- Keyed by Entra object id (lower case) within the team; the name is Teams' own, when it sent one.
CREATE TABLE team_roster (
  team_id text NOT NULL CHECK (length(team_id) BETWEEN 1 AND 300),
  tenant_id text NOT NULL,
  aad_object_id text NOT NULL,
  display_name text CHECK (length(display_name) BETWEEN 1 AND 200),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, aad_object_id)
);

CREATE INDEX team_roster_person ON team_roster (tenant_id, aad_object_id);
