import type { ReminderKind } from './domain/reminders.js';
import type { ReminderKindDefinition, ReminderSubject } from './kind-definition.js';
import { networkHasEnded } from '../network/sql/networks.js';
import { planItemReminders } from './plan-kind.js';

/**
 * THE REGISTRY: one definition per reminder kind (the shape is in kind-definition.ts).
 * Plan items are built in, since reminders already depend on the plan. Every other kind lives
 * in its own capability and is registered by the composition root (src/app/app.ts) before the
 * engine's first sweep, so this folder never imports the capabilities it reminds about:
 * poll close (polls/close-reminders.ts), reflection due (reflections/reminder-kind.ts) and
 * mellomarbeid due (mellomarbeid/reminder-kind.ts).
 *
 * A new kind: write a ReminderKindDefinition<…> whose `load` gives { id, networkId, deadline,
 * title } (undefined once gone or closed), whose `upcoming` lists subjects with a deadline after
 * `now`, and whose `recipients` returns the member ids who still need it; register it in app.ts;
 * and call `syncSubjectReminders(tx, kind, subjectId, now)` in the transaction that creates,
 * reschedules or closes a subject, then `notifyRemindersChanged()` (both in engine.ts). The
 * sweeper also re-syncs every `upcoming()` subject each minute, so a missed call is repaired
 * within a minute. Default rules: DEFAULT_RULES in domain/reminders.ts.
 */
const registry = new Map<ReminderKind, ReminderKindDefinition<any>>([[planItemReminders.kind, whileNetworkRuns(planItemReminders)]]);

/**
 * A network whose programme has ended (src/network/api/lifecycle.ts) is read-only and sends no
 * more reminders: to the engine its subjects are gone, so their pending reminders are cancelled
 * at the next sync and a job already made does nothing. Reopened, they count again.
 */
function whileNetworkRuns<S extends ReminderSubject>(definition: ReminderKindDefinition<S>): ReminderKindDefinition<S> {
  return {
    ...definition,
    async load(db, subjectId) {
      const subject = await definition.load(db, subjectId);
      return subject && !(await networkHasEnded(db, subject.networkId)) ? subject : undefined;
    },
  };
}

export function reminderKindDefinition(kind: ReminderKind): ReminderKindDefinition | undefined {
  return registry.get(kind);
}

export function registeredReminderKinds(): ReminderKindDefinition[] {
  return [...registry.values()];
}

/** Each capability's kind, registered at start-up by src/app (and by tests that start the engine themselves). */
export function registerReminderKind(definition: ReminderKindDefinition<any>): void {
  registry.set(definition.kind, whileNetworkRuns(definition));
}
