/**
 * The poll runtime one app instance shares between the bot, the tab API and the scheduler:
 * keys, short-lived caches, the coalesced card updates and every card a poll is shown as.
 * Votes are always written to and checked by the database; the caches only save reads.
 */
import { SEND_ABORTED, type ProactiveSender } from '../shared/proactive.js';
import type { AdaptiveCard } from '../shared/cards/card.js';
import { MAX_REFRESH_USERS, POLL_VERBS, pollCard, type PollCardModel } from './cards/poll.js';
import type { Database } from '../platform/db/port.js';
import { findVote, tallyVotes, upsertVotes, type BatchedVote, type Tally, type VoteOutcome } from './sql/votes.js';
import { GATHER, GroupBatcher } from '../shared/batcher.js';
import { cardUpdated, claimCardVersion, markCardsPending, pollsWithPendingCards, postsOf, type PollPost } from './sql/posts.js';
import { findPoll, findRepeatOf, municipalityNames } from './sql/polls.js';
import { sectorLabel } from '../shared/labels.js';
import { shiftOf } from './domain/compare.js';
import { pollResults, type GroupLabels, type PollResults, type ResultsView } from './domain/results.js';
import { pollStatus, type Answer, type Poll } from './domain/polls.js';
import type { Logger } from '../platform/logging.js';
import { cardMessage } from '../shared/cards/message.js';
import { CardUpdateCoalescer } from './card-updates.js';
import type { PollJobs } from './job-port.js';
import { pollKeys, resolvePollSecret, type PollKeys } from './secret.js';
import { FreshCache } from './tally-cache.js';
import { t } from './messages.js';
import { inLocale } from '../platform/i18n/context.js';
import type { PollAnnouncer } from './announce-port.js';
import { DEFAULT_LOCALE } from '../platform/i18n/locale.js';

export interface PollServiceOptions {
  db: Database;
  log: Logger;
  now(): Date;
  /** Attached later when the bot endpoint (which owns the sender) is built after this service. */
  sender?: ProactiveSender;
  /** POLL_HASH_SECRET; undefined in local mode means a generated key kept in the database. */
  hashSecret: string | undefined;
  /** Trailing delay before a shared card is updated after a vote (POLL_CARD_UPDATE_MS). */
  cardUpdateDelayMs: number;
}

/** Polls whose card signatures are kept: more than are open at once in any deployment. */
const SIGNED_POLLS_KEPT = 1_000;

/** The person answering, as far as a poll needs to know. */
export interface Voter {
  memberId: string;
  tenantId: string;
  aadObjectId: string;
  municipalityNumber: string | null;
  isFacilitator: boolean;
}

export interface WrittenVote {
  outcome: VoteOutcome;
  /** A tally that must cover this vote is one numbered at least this (read-your-writes). */
  seq: number;
  /** As of the vote's own statement, the vote in it: for the voter's card. */
  tally: Tally;
}

export type PollSignatures = PollCardModel['signatures'];

export interface CardOptions {
  viewer?: Voter;
  /** The viewer's answer when already known (saves a read). */
  answer?: Answer | null;
  notice?: { text: string; tone: 'good' | 'attention' };
  /** The conversation the card lives in: its post decides automatic refresh. */
  conversationId?: string;
  /** A tally covering this local write (read-your-writes). */
  minSeq?: number;
  /** A 1:1 card sent to one person: refresh for them alone when their id is known. */
  personalUserId?: string;
  /** Use this tally (the coalescer claimed its version). */
  tally?: Tally;
}

export class PollService {
  readonly db: Database;
  readonly log: Logger;
  private senderRef: ProactiveSender | undefined;
  readonly now: () => Date;
  /** Counters for health and the benchmark. */
  readonly stats = { votes: 0, cardUpdates: 0, tallies: 0, rosterLookups: 0 };
  private keysPromise: Promise<PollKeys> | undefined;
  private readonly signed = new Map<string, PollSignatures>();
  private labelsPromise: Promise<Map<string, string>> | undefined;
  private readonly polls: FreshCache<Poll | undefined>;
  private readonly tallies: FreshCache<Tally>;
  private readonly posts: FreshCache<PollPost[]>;
  readonly coalescer: CardUpdateCoalescer;
  /** Group commit: votes for a poll that arrive together are written in one statement. */
  readonly votes: GroupBatcher<BatchedVote, WrittenVote>;
  /** pg-boss work (open, planned close, 1:1 fan-out); set once the scheduler runs. */
  jobs: PollJobs | undefined;
  /** The samling's meeting, told when one of its polls opens (src/meetings/notify.ts); set by the composition root. */
  announcer: PollAnnouncer | undefined;

  constructor(private readonly options: PollServiceOptions) {
    this.db = options.db;
    this.log = options.log;
    this.senderRef = options.sender;
    this.now = options.now;
    // Definitions never change; status does (close, reopen), so a short age bounds staleness
    // across instances. The vote itself is checked against the database, never this cache.
    this.polls = new FreshCache((id) => findPoll(this.db, id), 2_000);
    this.tallies = new FreshCache((id) => {
      this.stats.tallies++;
      return tallyVotes(this.db, id);
    }, 1_000);
    this.posts = new FreshCache((id) => postsOf(this.db, id), 2_000);
    this.votes = new GroupBatcher((pollId, votes) => this.writeVotes(pollId, votes), GATHER[this.db.kind]);
    this.coalescer = new CardUpdateCoalescer(
      options.cardUpdateDelayMs,
      (pollId) => this.updateSharedCards(pollId),
      (pollId, err) => this.log.warn({ err, pollId }, 'Kunne ikke oppdatere målingskortet'),
      (pollId) =>
        void markCardsPending(this.db, pollId).catch((err: unknown) => this.log.warn({ err, pollId }, 'Kunne ikke merke målingskortet som utdatert')),
    );
  }

  get sender(): ProactiveSender {
    if (!this.senderRef) throw new Error('PollService: ingen avsender koblet til');
    return this.senderRef;
  }

  attachSender(sender: ProactiveSender): void {
    this.senderRef = sender;
  }

  keys(): Promise<PollKeys> {
    this.keysPromise ??= resolvePollSecret(this.db, this.options.hashSecret).then(pollKeys);
    return this.keysPromise;
  }

  async poll(id: string): Promise<Poll | undefined> {
    return this.polls.get(id);
  }

  /** Something besides a vote changed (close, reopen, new post): drop what is cached. */
  changed(pollId: string): void {
    this.polls.invalidate(pollId);
    this.posts.invalidate(pollId);
    this.tallies.wrote(pollId);
  }

  /** A card's six action signatures: the same for a poll every time, so made once (bounded). */
  async signatures(pollId: string): Promise<PollSignatures> {
    const kept = this.signed.get(pollId);
    if (kept) return kept;
    const keys = await this.keys();
    const verbs = Object.values(POLL_VERBS);
    const made = Object.fromEntries(verbs.map((verb) => [verb, keys.sign(verb, pollId)])) as PollSignatures;
    if (this.signed.size >= SIGNED_POLLS_KEPT) this.signed.clear();
    this.signed.set(pollId, made);
    return made;
  }

  async voterKey(poll: Poll, voter: Voter): Promise<string> {
    return poll.anonymous ? (await this.keys()).voterKey(poll.id, voter.tenantId, voter.aadObjectId) : voter.memberId;
  }

  /** The vote's outcome, and the tally its statement returned (with the vote in it). */
  async vote(poll: Poll, voter: Voter, answer: Answer): Promise<WrittenVote> {
    const voterKey = await this.voterKey(poll, voter);
    const written = await this.votes.submit(poll.id, voterKey, {
      voterKey,
      memberId: voter.memberId,
      municipalityNumber: voter.municipalityNumber,
      answer,
      now: this.now(),
    });
    // PGlite answers from WASM on this thread, so a vote's statements resolve one after the
    // other without the event loop ever polling the network. Letting go once here lets the
    // waiting requests reach the next batch first; the tally after them then serves them all.
    if (this.db.kind === 'pglite') await new Promise((resolve) => setImmediate(resolve));
    if (written.outcome === 'ny' || written.outcome === 'endret') this.coalescer.touch(poll.id);
    return written;
  }

  /** One batch of votes for one poll: one statement, then the tally bookkeeping once for all. */
  private async writeVotes(pollId: string, votes: BatchedVote[]): Promise<WrittenVote[]> {
    // PGlite runs one statement at a time in call order: a tally asked for after this write was
    // issued sees it, so a burst shares a few tallies. A server pool gives no such order.
    // Nothing may be awaited between these lines, or a tally could slip in between.
    const issued = this.db.kind === 'pglite' ? this.tallies.issuing(pollId) : 0;
    // Every write numbered up to here had committed before this statement began: its tally has them.
    const covered = this.tallies.current(pollId);
    const { outcomes, tally } = await upsertVotes(this.db, pollId, votes);
    const counted = outcomes.filter((o) => o === 'ny' || o === 'endret').length;
    this.stats.votes += counted;
    const seq = counted > 0 ? issued || this.tallies.wrote(pollId) : issued;
    this.tallies.offer(pollId, covered, tally);
    return outcomes.map((outcome) => ({ outcome, seq: outcome === 'ny' || outcome === 'endret' ? seq : issued, tally }));
  }

  async myAnswer(poll: Poll, voter: Voter): Promise<Answer | undefined> {
    return findVote(this.db, poll.id, await this.voterKey(poll, voter));
  }

  private labels(): Promise<Map<string, string>> {
    this.labelsPromise ??= municipalityNames(this.db);
    return this.labelsPromise;
  }

  /**
   * Results from a tally, with municipality and sector names. `view.fullBreakdown` is the
   * caller's answer from pollPolicy.seeFullPollBreakdown; without it small groups are merged.
   */
  async resultsOf(poll: Poll, tally: Tally, view: ResultsView = {}): Promise<PollResults> {
    const names = await this.labels();
    const labels: GroupLabels = {
      municipality: (n) => (n ? (names.get(n) ?? n) : t('results.noMunicipality')),
      sector: (s) => (s ? sectorLabel[s] : t('results.unknownSector')),
    };
    return pollResults(poll, tally.groups, labels, view);
  }

  async tally(pollId: string, minSeq = 0): Promise<Tally> {
    return this.tallies.get(pollId, minSeq);
  }

  /** The after-poll's shift against its before-poll, overall, when both sides can be shown. */
  private async comparisonFor(poll: Poll, results: PollResults): Promise<PollCardModel['comparison']> {
    if (!poll.repeatOf || !results.overall) return undefined;
    const before = await this.poll(poll.repeatOf);
    if (!before) return undefined;
    const beforeResults = await this.resultsOf(before, await this.tally(before.id), { breakdowns: false });
    if (!beforeResults.overall) return undefined;
    return { beforeQuestionDate: before.opensAt, shift: shiftOf(poll, beforeResults.overall, results.overall) };
  }

  async postFor(pollId: string, conversationId: string | undefined): Promise<PollPost | undefined> {
    if (!conversationId) return undefined;
    return (await this.posts.get(pollId)).find((p) => p.conversationId === conversationId);
  }

  /** Every view of a poll goes through here. */
  async card(poll: Poll, o: CardOptions = {}): Promise<AdaptiveCard> {
    const tally = o.tally ?? (await this.tally(poll.id, o.minSeq ?? 0));
    // Cards show the overall result only, to every role alike; breakdowns are for the tab,
    // where the policy decides who sees which groups.
    const results = await this.resultsOf(poll, tally, { breakdowns: false });
    const post = await this.postFor(poll.id, o.conversationId);
    let refreshUserIds: string[] | null = null;
    if (o.personalUserId) refreshUserIds = [o.personalUserId];
    else if (post?.audience === 'liten' && post.refreshUserIds?.length) refreshUserIds = post.refreshUserIds.slice(0, MAX_REFRESH_USERS);
    const answer = o.viewer ? (o.answer === undefined ? await this.myAnswer(poll, o.viewer) : (o.answer ?? undefined)) : undefined;
    const repeat = o.viewer?.isFacilitator ? await findRepeatOf(this.db, poll.id) : undefined;
    return pollCard({
      poll,
      status: pollStatus(poll, this.now()),
      results,
      signatures: await this.signatures(poll.id),
      refreshUserIds,
      comparison: await this.comparisonFor(poll, results),
      ...(o.viewer
        ? { viewer: { answer, isFacilitator: o.viewer.isFacilitator, canRepeat: !repeat, ...(o.notice ? { notice: o.notice } : {}) } }
        : {}),
    });
  }

  /** The coalescer's round: every shared card of the poll, from one fresh tally. */
  private async updateSharedCards(pollId: string): Promise<void> {
    this.polls.invalidate(pollId);
    const poll = await this.poll(pollId);
    if (!poll) return;
    const posts = (await postsOf(this.db, pollId)).filter((p) => p.activityId && p.conversationType !== 'personal');
    this.log.debug({ pollId, posts: posts.length }, 'Oppdaterer målingskort');
    if (posts.length === 0) return;
    const tally = await this.tally(pollId, this.tallies.wrote(pollId));
    for (const post of posts) {
      // Another round (here or on another instance) may already show a newer tally.
      if (!(await claimCardVersion(this.db, pollId, post.conversationId, tally.asOf))) continue;
      // Nobody's turn: the card is updated in the language it was posted in.
      const locale = post.locale ?? DEFAULT_LOCALE;
      const card = await inLocale(locale, () => this.card(poll, { conversationId: post.conversationId, tally }));
      const outcome = await this.sender.update(post.conversationId, post.activityId!, cardMessage(card), { purpose: 'måling' /* i18n-ignore */ });
      if (outcome.status === 'sent') this.stats.cardUpdates++;
      // Not through, but a later try may be (Teams down, or we are stopping): the card stays
      // marked and the next start updates it.
      const later = (outcome.status === 'failed' && outcome.retryable) || (outcome.status === 'skipped' && outcome.reason === SEND_ABORTED);
      if (!later) await cardUpdated(this.db, pollId, post.conversationId, tally.asOf);
      this.log.debug({ pollId, conversationId: post.conversationId, outcome: outcome.status }, 'Målingskort oppdatert');
    }
  }

  /** Posts changed (a new card, a roster read): forget them and refresh the shared cards. */
  postsChanged(pollId: string, updateNow = false): void {
    this.posts.invalidate(pollId);
    if (updateNow) this.coalescer.touch(pollId, true);
  }

  /** At start: the shared cards whose update did not go out before the last stop (or crash). */
  async resumeCardUpdates(): Promise<number> {
    const polls = await pollsWithPendingCards(this.db);
    for (const pollId of polls) this.coalescer.touch(pollId, true);
    return polls.length;
  }

  async stop(): Promise<void> {
    await this.coalescer.stop();
  }
}
