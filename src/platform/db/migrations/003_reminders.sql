-- Reminders and proactive sending: per-network schedule settings, reminders as durable rows
-- (each with a pg-boss job), one delivery row per (reminder, recipient), opt-outs, and what the
-- one proactive sender learns about people and conversations (unreachable, stale).

-- 403 MessageWritesBlocked: the person blocked or removed the app; skipped until they come back.
ALTER TABLE member
  ADD COLUMN unreachable_at timestamptz,
  ADD COLUMN unreachable_reason text,
  -- «stopp påminnelser»: no reminders of any kind until «start påminnelser».
  ADD COLUMN reminders_stopped_at timestamptz;

-- 404 ConversationNotFound marks a reference stale; 403 marks the conversation blocked.
-- Both clear when Teams sends us an activity from that conversation again.
ALTER TABLE conversation_ref
  ADD COLUMN stale_at timestamptz,
  ADD COLUMN unreachable_at timestamptz;

-- The sender finds a person's 1:1 chat by Entra object id, whatever case Teams sent it in.
CREATE INDEX conversation_ref_personal_lower ON conversation_ref (tenant_id, lower(user_aad_object_id))
  WHERE conversation_type = 'personal';

-- Per network: which reminders by default (per kind, JSON rules) and the quiet hours.
-- No row means the defaults in src/domain/reminders.ts.
CREATE TABLE reminder_settings (
  network_id uuid PRIMARY KEY REFERENCES network (id) ON DELETE CASCADE,
  rules jsonb NOT NULL DEFAULT '{}',
  quiet_from time NOT NULL DEFAULT '21:00',
  quiet_to time NOT NULL DEFAULT '07:00',
  quiet_weekends boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per subject (a plan item, a poll …): its own rules instead of the network's.
CREATE TABLE reminder_subject_rules (
  kind text NOT NULL,
  subject_id uuid NOT NULL,
  rules jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, subject_id)
);

CREATE TABLE reminder (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('plan-item', 'poll-close', 'reflection-due', 'mellomarbeid-due')),
  subject_id uuid NOT NULL,
  -- Which rule made it: 'd1@09:00' (day before at 09:00), 'm60' (60 minutes before), 'manuell'.
  rule_key text NOT NULL CHECK (rule_key ~ '^(d[0-9]{1,2}@[0-9]{2}:[0-9]{2}|m[0-9]{1,5}|manuell)$'),
  -- What the rule asks for, and when it actually goes (moved out of quiet hours).
  due_at timestamptz NOT NULL,
  send_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'planlagt'
    CHECK (status IN ('planlagt', 'sender', 'ferdig', 'avlyst', 'hoppet-over')),
  status_reason text,
  -- Bumped whenever send_at changes; the pg-boss job carries the version it was made for.
  version integer NOT NULL DEFAULT 1,
  job_version integer,
  created_by uuid REFERENCES member (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);

-- At most one pending reminder per rule; a rule that already fired may fire again for a new date.
CREATE UNIQUE INDEX reminder_pending_rule ON reminder (kind, subject_id, rule_key) WHERE status = 'planlagt';
CREATE UNIQUE INDEX reminder_occurrence ON reminder (kind, subject_id, rule_key, due_at);
CREATE INDEX reminder_network_send ON reminder (network_id, send_at DESC);
CREATE INDEX reminder_needs_job ON reminder (send_at) WHERE status = 'planlagt';
CREATE INDEX reminder_in_progress ON reminder (id) WHERE status = 'sender';

-- One row per (reminder, recipient): the key that makes every reminder reach a person once.
-- venter → i-ko (queued in this instance's limiter) → sender (on the wire) → sendt | feilet |
-- utilgjengelig, or back to venter for a retry. A crash leaves «sender» rows: those are never
-- sent again (usikker), since the message may have reached Teams.
CREATE TABLE reminder_delivery (
  reminder_id uuid NOT NULL REFERENCES reminder (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'venter'
    CHECK (status IN ('venter', 'i-ko', 'sender', 'sendt', 'feilet', 'utilgjengelig', 'avmeldt', 'usikker')),
  owner text,
  attempts smallint NOT NULL DEFAULT 0,
  throttled smallint NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_status_code smallint,
  reason text,
  conversation_id text,
  activity_id text,
  claimed_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reminder_id, member_id)
);

CREATE INDEX reminder_delivery_open ON reminder_delivery (next_attempt_at, reminder_id)
  WHERE status IN ('venter', 'i-ko', 'sender');
CREATE INDEX reminder_delivery_member ON reminder_delivery (member_id);

-- «Ikke påminn meg om dette» on a reminder card.
CREATE TABLE reminder_opt_out (
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  kind text NOT NULL,
  subject_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, kind, subject_id)
);

-- Which instance drains deliveries right now: one at a time, so the app-wide rate limit holds
-- across instances. A lease, renewed while the owner lives; another instance takes over after.
CREATE TABLE reminder_pump (
  id smallint PRIMARY KEY CHECK (id = 1),
  owner text,
  lease_until timestamptz
);
INSERT INTO reminder_pump (id) VALUES (1);

-- Every outcome of a proactive send that is not recorded elsewhere (reminder deliveries are).
CREATE TABLE proactive_send (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  conversation_id text,
  member_id uuid REFERENCES member (id) ON DELETE SET NULL,
  purpose text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent', 'unreachable', 'stale', 'failed', 'skipped')),
  status_code smallint,
  reason text,
  attempts smallint NOT NULL DEFAULT 0,
  activity_id text
);

CREATE INDEX proactive_send_at ON proactive_send (at);
