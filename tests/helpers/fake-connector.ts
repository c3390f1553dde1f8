import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { waitFor } from './wait.js';

export interface RecordedCall {
  method: string;
  path: string;
  conversationId: string | undefined;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  /** What the fake answered (0 while held). */
  status: number;
  /** performance.now() at arrival. */
  at: number;
}

export interface ScriptedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Teams' documented limits: per conversation 7/s and 60 per 30 s; per app about 50 requests/s. */
export interface ConnectorLimits {
  perConversationPerSecond: number;
  perConversationPer30Seconds: number;
  perAppPerSecond: number;
  /** Retry-After (seconds) sent with a 429; default: until the window frees a slot, at least 1. */
  retryAfterSeconds?: number;
}

export const TEAMS_LIMITS: ConnectorLimits = { perConversationPerSecond: 7, perConversationPer30Seconds: 60, perAppPerSecond: 50 };

export interface FakeConnectorOptions {
  /** Enforce limits (sliding windows) and answer 429 with Retry-After when exceeded. Off by default. */
  limits?: ConnectorLimits;
}

const ACTIVITY_PATH = /\/v3\/conversations\/[^/]+\/activities(\/|$)/;

/** A sliding window of arrival times. */
class Window {
  private times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly ms: number,
  ) {}

  /** Whether one more fits now; if so it is counted. Otherwise the ms until a slot frees. */
  take(now: number): true | number {
    while (this.times.length > 0 && this.times[0]! <= now - this.ms) this.times.shift();
    if (this.times.length < this.limit) {
      this.times.push(now);
      return true;
    }
    return this.times[0]! + this.ms - now;
  }
}

/**
 * A stand-in for the Bot Connector service on loopback: records what the bot sends and can
 * be told to fail. The bot finds it through the activity's serviceUrl, as it would Teams.
 *
 * With `limits` it enforces Teams' rate limits (429 + Retry-After); it can answer 403
 * MessageWritesBlocked or 404 ConversationNotFound for given conversations, count duplicates,
 * create 1:1 conversations (POST /v3/conversations) and hold every request after the n-th
 * delivered activity (to kill the sender mid fan-out).
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  /** 429s answered because a limit was exceeded. */
  throttled = 0;
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private failures: ScriptedFailure[] = [];
  private conversationFailures = new Map<string, { failure: ScriptedFailure; times: number }>();
  private nextId = 1;
  private rosters = new Map<string, { members: Record<string, unknown>[]; pageSize: number }>();
  private limits: ConnectorLimits | undefined;
  private appWindow: Window | undefined;
  private conversationWindows = new Map<string, [Window, Window]>();
  private hold: { after: number; onHold: () => void; fired: boolean } | undefined;
  private held: ServerResponse[] = [];

  constructor(options: FakeConnectorOptions = {}) {
    if (options.limits) this.enforceLimits(options.limits);
  }

  /** Team roster served page by page on GET /v3/conversations/:id/pagedmembers. */
  setRoster(teamId: string, members: Record<string, unknown>[], pageSize: number): void {
    this.rosters.set(teamId, { members, pageSize });
  }

  enforceLimits(limits: ConnectorLimits | undefined): void {
    this.limits = limits;
    this.appWindow = limits ? new Window(limits.perAppPerSecond, 1_000) : undefined;
    this.conversationWindows.clear();
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeConnector er ikke startet');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  failNext(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  /** Every request for this conversation gets `failure`, `times` times (default: until cleared). */
  failConversation(conversationId: string, failure: ScriptedFailure | undefined, times = Number.POSITIVE_INFINITY): void {
    if (!failure) this.conversationFailures.delete(conversationId);
    else this.conversationFailures.set(conversationId, { failure, times });
  }

  /** The person blocked the app: 403 MessageWritesBlocked. */
  blockConversation(conversationId: string): void {
    this.failConversation(conversationId, {
      status: 403,
      body: { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked for message writes' } },
    });
  }

  /** Teams no longer knows the conversation: 404 ConversationNotFound. */
  forgetConversation(conversationId: string): void {
    this.failConversation(conversationId, {
      status: 404,
      body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } },
    });
  }

  /**
   * After `delivered` activities have been answered 200, every further request is held (never
   * answered) and `onHold` runs once: the moment to kill the sending process.
   */
  holdAfter(delivered: number, onHold: () => void): void {
    this.hold = { after: delivered, onHold, fired: false };
  }

  /** Drops held requests (their connections close) and answers normally again. */
  releaseHeld(): void {
    this.hold = undefined;
    for (const res of this.held.splice(0)) res.socket?.destroy();
  }

  /** Activities the bot sent (posts and replies), in arrival order — every attempt, whatever the answer. */
  sentActivities(conversationId?: string): Record<string, unknown>[] {
    return this.activityCalls(conversationId).map((c) => c.body);
  }

  /** Activity posts that were accepted (200), or held after acceptance was due: what Teams would show. */
  delivered(conversationId?: string): RecordedCall[] {
    return this.activityCalls(conversationId).filter((c) => c.status === 200 || c.status === 0);
  }

  /**
   * Deliveries that repeat an earlier one: the same conversation and the same content (the
   * card, or the text). 0 is the only right answer for reminders.
   */
  duplicates(): number {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const call of this.delivered()) {
      const key = `${call.conversationId}\u0000${JSON.stringify(call.body.attachments ?? call.body.text ?? '')}`;
      if (seen.has(key)) duplicates++;
      else seen.add(key);
    }
    return duplicates;
  }

  /** Waits until at least `count` activities have been sent (in `conversationId`, or in all). */
  async waitForActivities(count: number, conversationId?: string, timeoutMs = 10_000): Promise<Record<string, unknown>[]> {
    return waitFor(
      () => {
        const sent = this.sentActivities(conversationId);
        return sent.length >= count && sent;
      },
      { what: `${count} activities${conversationId ? ` in ${conversationId}` : ''}`, timeoutMs, detail: () => `got ${this.sentActivities(conversationId).length}` },
    );
  }

  /** Waits until at least `count` activities have been delivered (200) in total. */
  async waitForDelivered(count: number, timeoutMs = 30_000): Promise<RecordedCall[]> {
    return waitFor(
      () => {
        const done = this.delivered();
        return done.length >= count && done;
      },
      { what: `${count} delivered activities`, timeoutMs, intervalMs: 25, detail: () => `got ${this.delivered().length}` },
    );
  }

  /**
   * Waits until no request has arrived for `quietMs`: for a sender whose end shows in nothing
   * but its silence (a process about to be killed mid fan-out), never as proof that nothing
   * more will come.
   */
  async waitForQuiet(quietMs = 300, timeoutMs = 30_000): Promise<void> {
    await waitFor(() => performance.now() - (this.calls.at(-1)?.at ?? 0) >= quietMs, {
      what: `the connector to get no request for ${quietMs} ms`,
      timeoutMs,
      intervalMs: 25,
      detail: () => `${this.calls.length} requests so far`,
    });
  }

  private activityCalls(conversationId?: string): RecordedCall[] {
    return this.calls
      .filter((c) => c.method === 'POST' && ACTIVITY_PATH.test(c.path))
      .filter((c) => conversationId === undefined || c.conversationId === conversationId);
  }

  private answer(res: ServerResponse, call: RecordedCall, status: number, body: unknown, headers: Record<string, string> = {}): void {
    call.status = status;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body ?? {}));
  }

  /** Applies the sliding windows; returns a Retry-After in seconds when a limit is exceeded. */
  private overLimit(call: RecordedCall): number | undefined {
    if (!this.limits || !this.appWindow) return undefined;
    const l = this.limits;
    const app = this.appWindow.take(call.at);
    if (app !== true) return l.retryAfterSeconds ?? Math.max(1, Math.ceil(app / 1_000));
    if (call.conversationId && ACTIVITY_PATH.test(call.path) && (call.method === 'POST' || call.method === 'PUT')) {
      let windows = this.conversationWindows.get(call.conversationId);
      if (!windows) {
        windows = [new Window(l.perConversationPerSecond, 1_000), new Window(l.perConversationPer30Seconds, 30_000)];
        this.conversationWindows.set(call.conversationId, windows);
      }
      for (const w of windows) {
        const r = w.take(call.at);
        if (r !== true) return l.retryAfterSeconds ?? Math.max(1, Math.ceil(r / 1_000));
      }
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const match = /\/v3\/conversations\/([^/?]+)/.exec(path);
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : undefined,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      headers: req.headers,
      status: 0,
      at: performance.now(),
    };
    this.calls.push(call);

    if (this.hold && this.hold.fired) {
      this.held.push(res);
      return;
    }

    const roster = call.conversationId ? this.rosters.get(call.conversationId) : undefined;
    if (roster && req.method === 'GET' && /\/pagedmembers/.test(path)) {
      const url = new URL(path, 'http://x');
      const start = Number(url.searchParams.get('continuationToken') ?? '0');
      const end = start + roster.pageSize;
      this.answer(res, call, 200, {
        members: roster.members.slice(start, end),
        ...(end < roster.members.length ? { continuationToken: String(end) } : {}),
      });
      return;
    }

    const retryAfter = this.overLimit(call);
    if (retryAfter !== undefined) {
      this.throttled++;
      this.answer(res, call, 429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': String(retryAfter) });
      return;
    }

    const scripted = call.conversationId ? this.conversationFailures.get(call.conversationId) : undefined;
    if (scripted && scripted.times > 0) {
      scripted.times--;
      this.answer(res, call, scripted.failure.status, scripted.failure.body, scripted.failure.headers);
      return;
    }
    const failure = this.failures.shift();
    if (failure) {
      this.answer(res, call, failure.status, failure.body, failure.headers);
      return;
    }

    // Create a 1:1 conversation: Teams answers with its id (stable per person).
    if (req.method === 'POST' && /^\/v3\/conversations\/?(\?.*)?$/.test(path)) {
      const member = (call.body.members as { id?: string }[] | undefined)?.[0]?.id ?? 'ukjent';
      this.answer(res, call, 201, { id: `a:opprettet-${member}` });
      return;
    }

    call.status = 200;
    if (this.hold && ACTIVITY_PATH.test(path) && req.method === 'POST' && this.delivered().length > this.hold.after) {
      // This one is received (Teams would show it) but never answered; nor is anything after it.
      this.hold.fired = true;
      this.held.push(res);
      this.hold.onHold();
      return;
    }
    this.answer(res, call, 200, { id: `activity-${this.nextId++}` });
  }
}
