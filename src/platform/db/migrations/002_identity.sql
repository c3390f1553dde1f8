-- Identity, roles and privacy: retention per network, an audit log of facilitator and
-- coordinator changes, and archiving once retention has run out.

ALTER TABLE network
  ADD COLUMN retention_months smallint NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 120),
  ADD COLUMN archived_at timestamptz;

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  -- Kept when the actor is deleted: the entry then reads «slettet bruker».
  actor_member_id uuid REFERENCES member (id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  region_id uuid NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  network_id uuid REFERENCES network (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action ~ '^[a-z][a-z.-]{2,60}$'),
  target text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_region_at ON audit_log (region_id, at DESC);
