-- Calendar feeds (issue 13): an ICS subscription per person and per network plan, reached by a
-- secret address because calendar clients (Outlook, Google, Apple) cannot sign in with SSO.

-- One address per person (network_id NULL: their networks' sessions and their own deadlines) and
-- one per network plan they may see. Only the SHA-256 of the 32 random bytes is kept: the address
-- is shown once, when it is made; a new one replaces the old, and a revoked one is simply gone.
CREATE TABLE calendar_feed (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  network_id uuid REFERENCES network (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When a calendar client last fetched it: the tab tells the person whether it is in use.
  last_fetched_at timestamptz
);

CREATE UNIQUE INDEX calendar_feed_personal ON calendar_feed (member_id) WHERE network_id IS NULL;
CREATE UNIQUE INDEX calendar_feed_network ON calendar_feed (member_id, network_id) WHERE network_id IS NOT NULL;

-- SEQUENCE of each calendar event (RFC 5545 3.8.7.4): raised whenever what a calendar shows of it
-- changes (time, title, Teams link …), so Outlook replaces its copy instead of keeping the old one.
ALTER TABLE plan_item ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0 CHECK (calendar_sequence >= 0);
ALTER TABLE reflection_task ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0 CHECK (calendar_sequence >= 0);
ALTER TABLE mellomarbeid_assignment ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0 CHECK (calendar_sequence >= 0);
