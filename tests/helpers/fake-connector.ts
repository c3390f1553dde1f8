import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  conversationId: string | undefined;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

export interface ScriptedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A stand-in for the Bot Connector service on loopback: records what the bot sends and can
 * be told to fail. The bot finds it through the activity's serviceUrl, as it would Teams.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private server: Server | undefined;
  private failures: ScriptedFailure[] = [];
  private nextId = 1;
  private rosters = new Map<string, { members: Record<string, unknown>[]; pageSize: number }>();

  /** Team roster served page by page on GET /v3/conversations/:id/pagedmembers. */
  setRoster(teamId: string, members: Record<string, unknown>[], pageSize: number): void {
    this.rosters.set(teamId, { members, pageSize });
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeConnector er ikke startet');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  failNext(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  /** Activities the bot sent (posts and replies), in arrival order. */
  sentActivities(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && /\/activities(\/|$)/.test(c.path))
      .filter((c) => conversationId === undefined || c.conversationId === conversationId)
      .map((c) => c.body);
  }

  async waitForActivities(count: number, conversationId?: string, timeoutMs = 10_000): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const sent = this.sentActivities(conversationId);
      if (sent.length >= count) return sent;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`Ventet på ${count} aktiviteter, fikk ${this.sentActivities(conversationId).length}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const match = /\/v3\/conversations\/([^/]+)/.exec(path);
    this.calls.push({
      method: req.method ?? 'GET',
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : undefined,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      headers: req.headers,
    });
    const roster = match?.[1] ? this.rosters.get(decodeURIComponent(match[1])) : undefined;
    if (roster && req.method === 'GET' && /\/pagedmembers/.test(path)) {
      const url = new URL(path, 'http://x');
      const start = Number(url.searchParams.get('continuationToken') ?? '0');
      const end = start + roster.pageSize;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          members: roster.members.slice(start, end),
          ...(end < roster.members.length ? { continuationToken: String(end) } : {}),
        }),
      );
      return;
    }
    const failure = this.failures.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify(failure.body ?? {}));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `activity-${this.nextId++}` }));
  }
}
