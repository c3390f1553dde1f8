import { localeOfActor } from '../../identity/locale.js';
import { loadActor } from '../../identity/sql/actors.js';
import { findNetworkById } from '../../network/sql/networks.js';
import type { Database } from '../../platform/db/port.js';
import { inLocale } from '../../platform/i18n/context.js';
import { FileResponse } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { mellomarbeidDeadlineEvent, networkPlanEvents, personalPlanEvents, reflectionDeadlineEvent } from '../events.js';
import { feedIcs } from '../feed.js';
import { t } from '../messages.js';
import { mellomarbeidDeadlines, planEvents, planSlots, reflectionDeadlines } from '../sql/events.js';
import { openFeed } from '../sql/feeds.js';
import { feedTokenHash, tokenOfFeedFile } from '../token.js';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/**
 * GET /calendar/<secret>.ics, without sign-in: calendar clients cannot do SSO, so the secret
 * is the key. Access is decided anew on every fetch, as the person's roles are now: someone
 * removed from a network stops getting its plan, and an unknown, revoked or no longer allowed
 * address is the same 404, so the answer tells nothing about which addresses exist.
 */
export async function serveCalendarFeed(db: Database, file: string | undefined, now: Date): Promise<Result<FileResponse>> {
  const gone = () => fail<FileResponse>('finnes-ikke', t('api.feedGone'));
  const token = tokenOfFeedFile(file);
  if (!token) return gone();
  const feed = await openFeed(db, feedTokenHash(token), now);
  if (!feed) return gone();
  const actor = await loadActor(db, feed.tenantId, feed.aadObjectId);
  if (!actor) return gone();
  // The person's own language: a calendar client sends no header of ours.
  return inLocale(localeOfActor(actor, actor.teamsLocale ?? null), async () => {
    if (feed.networkId) {
      const network = await findNetworkById(db, feed.networkId);
      if (!network || !policy.subscribeNetworkCalendar(actor, network).allowed) return gone();
      const ics = feedIcs({
        name: t('feed.networkName', { network: network.name }),
        description: t('feed.networkDescription', { network: network.name }),
        events: networkPlanEvents(await planEvents(db, [network.id])),
        now,
      });
      return ok(new FileResponse(ICS_TYPE, `${network.slug}.ics`, Buffer.from(ics, 'utf8')));
    }
    if (!policy.subscribePersonalCalendar(actor).allowed) return gone();
    const networkIds = actor.memberships.map((m) => m.networkId);
    const answering = actor.memberships.filter((m) => m.role === 'deltaker' && m.municipalityNumber);
    const [items, slots, reflections, work] = await Promise.all([
      planEvents(db, networkIds),
      planSlots(db, networkIds),
      reflectionDeadlines(db, answering.map((m) => m.networkId)),
      mellomarbeidDeadlines(db, answering.map((m) => ({ networkId: m.networkId, municipalityNumber: m.municipalityNumber! }))),
    ]);
    const ics = feedIcs({
      name: t('feed.personalName'),
      description: t('feed.personalDescription'),
      events: [...personalPlanEvents(actor, items, slots), ...reflections.map(reflectionDeadlineEvent), ...work.map(mellomarbeidDeadlineEvent)],
      now,
    });
    return ok(new FileResponse(ICS_TYPE, 'samlingspunkt.ics', Buffer.from(ics, 'utf8')));
  });
}
