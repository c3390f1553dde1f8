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
import { localesOfMembers } from '../identity/locale.js';
import { inLocale } from '../platform/i18n/context.js';
import { DEFAULT_LOCALE } from '../platform/i18n/locale.js';
import { t } from './messages.js';

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
      report.notReached.push({ name: t('delivery.channel'), reason: t('delivery.notInChannel') });
      return report;
    }
    if (!postHere && done.has(`conversation:${conversationId}`)) {
      report.alreadySent++;
      return report;
    }
    // One card for everyone who reads the channel: in the language of the facilitator who sent it
    // (the current scope), or bokmål when nobody is behind the send.
    const message = cardMessage(await answerCardFor(deps.db, network, task, null, now));
    const outcome = postHere ? await postHere(message) : await deps.sender.send(conversationId, message, { purpose: PURPOSE });
    const recipient = `conversation:${outcome.conversationId ?? conversationId}`;
    await recordDelivery(deps.db, task.id, recipient, outcomeRow(outcome));
    if (outcome.status === 'sent') report.sent++;
    else report.notReached.push({ name: t('delivery.channel'), reason: outcome.reason });
    return report;
  }

  const people = await deltakereOfNetwork(deps.db, network.id);
  // Each card in its recipient's language (Teams, their choice, their municipality's form), not the sender's.
  const languages = await localesOfMembers(deps.db, people.map((p) => p.memberId), network.id);
  for (const person of people) {
    const recipient = `member:${person.memberId}`;
    if (done.has(recipient)) {
      report.alreadySent++;
      continue;
    }
    const card = await inLocale(languages.get(person.memberId) ?? DEFAULT_LOCALE, () => answerCardFor(deps.db, network, task, person, now));
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
    parts.push(r.sent > 0 ? t('delivery.posted') : r.alreadySent > 0 ? t('delivery.alreadyPosted') : t('delivery.notPosted'));
  } else {
    const total = r.sent + r.alreadySent + r.notReached.length;
    parts.push(t('delivery.sent', { sent: r.sent, count: total }));
    if (r.alreadySent > 0) parts.push(t('delivery.alreadySent', { count: r.alreadySent }));
  }
  if (r.notReached.length > 0) {
    parts.push(t('delivery.notReached', { list: r.notReached.map((n) => `${n.name} (${n.reason})`).join('; ') }));
  }
  return parts.join(' ');
}
