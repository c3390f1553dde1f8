-- Veiledning «per kommune» (issue 12): one plan item with a time slot for each municipality
-- (seed 000: 1.5 h per municipality on 19 and 21 August), instead of one item per municipality.
-- A slot lies inside its item's day and slots do not overlap: src/plan/domain/rules.ts checks
-- both and names the field; the table keeps what it can without a trigger.
CREATE TABLE plan_item_slot (
  plan_item_id uuid NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
  network_id uuid NOT NULL,
  municipality_number char(4) NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  PRIMARY KEY (plan_item_id, municipality_number),
  -- A municipality that leaves the network takes its slots with it.
  FOREIGN KEY (network_id, municipality_number)
    REFERENCES network_municipality (network_id, municipality_number) ON DELETE CASCADE
);

CREATE INDEX plan_item_slot_network ON plan_item_slot (network_id, starts_at);
