/**
 * The tab API of polls: what each route answers and what it accepts, as types only. The tab
 * sees these through `Json<…>` (src/shared/json.ts). The exports (CSV, XLSX) are files, not JSON.
 */
import type { z } from 'zod';
import type { Answer, Poll, PollBreakdown, PollKind, PollStatus } from './domain/polls.js';
import type { Breakdown, Distribution, GroupResult, OptionResult, PollResults } from './domain/results.js';
import type { Comparison, OptionShift, Shift } from './domain/compare.js';
import type { ChannelTarget } from './sql/posts.js';
import type { Json } from '../shared/json.js';
import type { newPollSchema, repeatSchema } from './input.js';

export type { Breakdown, Comparison, Distribution, GroupResult, OptionResult, OptionShift, PollBreakdown, PollKind, PollResults, PollStatus, Shift };

/** A poll as the tab lists it: its definition and times, its status now, and (listed) how many answered. */
export type PollView = Json<Omit<Poll, 'networkId' | 'sendToAll'>> & {
  status: PollStatus;
  respondents?: number;
  /** The after-poll repeating this one, if any. */
  repeatedBy?: string | null;
};

/** A channel of the network's team that the bot knows, so a poll can be posted there. */
export type Channel = ChannelTarget;

/** GET /api/networks/:networkId/polls */
export interface PollListResponse {
  timeZone: string;
  canManage: boolean;
  canExport: boolean;
  /** Only for those who may manage polls; empty otherwise. */
  channels: Channel[];
  polls: PollView[];
}

/** GET /api/networks/:networkId/polls/:pollId */
export interface PollResultsResponse {
  timeZone: string;
  canManage: boolean;
  canExport: boolean;
  poll: PollView;
  results: PollResults;
  /** The before/after pair this poll is part of, whichever side it is. */
  pair: { before: PollView; after: PollView; comparison: Comparison } | null;
}

/** POST /api/networks/:networkId/polls */
export type NewPollRequest = z.input<typeof newPollSchema>;
export interface NewPollResponse {
  poll: PollView;
  /** Channels the card went to, and those it could not be posted in. */
  posted: number;
  failed: number;
}

/** POST /api/networks/:networkId/polls/:pollId/close and …/reopen */
export interface PollChangeResponse {
  poll: PollView;
}

/** POST /api/networks/:networkId/polls/:pollId/repeat */
export type RepeatPollRequest = z.input<typeof repeatSchema>;
export interface RepeatPollResponse {
  poll: PollView;
  posted: number;
  /** The before-poll was still open and has been closed. */
  closedBefore: boolean;
}

/** PUT /api/networks/:networkId/polls/:pollId/vote (the personal view, issue 13): `answer` as the card sends it. */
export interface PollVoteRequest {
  answer: number | number[] | string;
}
export interface PollVoteResponse {
  outcome: 'ny' | 'endret' | 'uendret';
  /** The card's own sentence for it: «Takk! Svaret ditt er lagret.» */
  message: string;
  /** With the new count of respondents. */
  poll: PollView;
  myAnswer: Answer;
}
