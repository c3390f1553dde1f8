import type { Database } from '../platform/db/port.js';
import {
  deliveredRecipients,
  deltakereOfNetwork,
  networkChannelConversation,
  recordDelivery,
} from './sql/reflections.js';
import type { DeliveryTarget, ReflectionTask } from './domain/reflections.js';
import type { Network } from '../shared/types.js';
import type { Logger } from '../platform/logging.js';
import { answerCardFor } from './views.js';
import { cardMessage, type OutgoingMessage } from '../shared/cards/message.js';
import type { ProactiveSender, SendOutcome } from '../shared/proactive.js';

export interface DeliveryDeps {
  db: Database;
  log: Logger;
  sender: ProactiveSender;
  now(): Date;
}

export interface DeliveryReport {
  target: DeliveryTarget;
  sent: number;
  /** Already had it from an earlier «send». */
  alreadySent: number;
  notReached: { name: string; reason: string }[];
}

/** Posts into the conversation a bot turn is in (a channel), when the task is created there. */
export type ChannelPoster = (message: OutgoingMessage) => Promise<SendOutcome>;

const PURPOSE = 'refleksjon';

/**
 * Sends a task: to each deltaker's 1:1 chat (the sender finds it, or creates it from the
 * network's team), or as one card in the channel. Each recipient gets it once however often
 * a facilitator presses «send»; who could not be reached is reported, not thrown.
 */
export async function deliverTask(
  deps: DeliveryDeps,
  network: Network,
  task: ReflectionTask,
  target: DeliveryTarget,
  postHere?: ChannelPoster,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { target, sent: 0, alreadySent: 0, notReached: [] };
  const done = await deliveredRecipients(deps.db, task.id);
  const now = deps.now();

  if (target === 'kanal') {
    const conversationId = postHere ? 'her' : network.teamsTeamId ? await networkChannelConversation(deps.db, network.teamsTeamId) : undefined;
    if (!conversationId) {
      report.notReached.push({ name: 'Kanalen', reason: 'appen er ikke lagt til i en kanal i nettverkets team ennå' });
      return report;
    }
    if (!postHere && done.has(`conversation:${conversationId}`)) {
      report.alreadySent++;
      return report;
    }
    const message = cardMessage(await answerCardFor(deps.db, network, task, null, now));
    const outcome = postHere ? await postHere(message) : await deps.sender.send(conversationId, message, { purpose: PURPOSE });
    const recipient = `conversation:${outcome.conversationId ?? conversationId}`;
    await recordDelivery(deps.db, task.id, recipient, outcomeRow(outcome));
    if (outcome.status === 'sent') report.sent++;
    else report.notReached.push({ name: 'Kanalen', reason: outcome.reason });
    return report;
  }

  for (const person of await deltakereOfNetwork(deps.db, network.id)) {
    const recipient = `member:${person.memberId}`;
    if (done.has(recipient)) {
      report.alreadySent++;
      continue;
    }
    const card = await answerCardFor(deps.db, network, task, person, now);
    // Bulk fan-out goes behind interactive sends in the sender's queue.
    const outcome = await deps.sender.sendToMember(person.tenantId, person.aadObjectId, cardMessage(card), {
      purpose: PURPOSE,
      priority: 7,
    });
    await recordDelivery(deps.db, task.id, recipient, outcomeRow(outcome));
    if (outcome.status === 'sent') report.sent++;
    else report.notReached.push({ name: person.displayName, reason: outcome.reason });
  }
  deps.log.info({ taskId: task.id, sent: report.sent, notReached: report.notReached.length }, 'Refleksjonsoppgave sendt');
  return report;
}

function outcomeRow(outcome: SendOutcome): { status: SendOutcome['status']; reason?: string; activityId?: string } {
  return outcome.status === 'sent' ? { status: 'sent', activityId: outcome.activityId } : { status: outcome.status, reason: outcome.reason };
}

/** «Sendt til 3 av 4 deltakere. Ikke nådd: Ola Berg (…)». */
export function describeDelivery(r: DeliveryReport): string {
  const parts: string[] = [];
  if (r.target === 'kanal') {
    parts.push(r.sent > 0 ? 'Oppgaven er lagt ut i kanalen.' : r.alreadySent > 0 ? 'Oppgaven ligger allerede i kanalen.' : 'Oppgaven ble ikke lagt ut i kanalen.');
  } else {
    const total = r.sent + r.alreadySent + r.notReached.length;
    parts.push(`Sendt til ${r.sent} av ${total} deltakere i personlig chat.`);
    if (r.alreadySent > 0) parts.push(`${r.alreadySent} hadde fått den fra før.`);
  }
  if (r.notReached.length > 0) {
    parts.push(`Ikke nådd: ${r.notReached.map((n) => `${n.name} (${n.reason})`).join('; ')}.`);
  }
  return parts.join(' ');
}
