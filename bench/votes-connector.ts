import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal Bot Connector for the votes benchmark: answers at once, counts card updates (PUT)
 * per activity and keeps the few posted cards (to read the vote button's data). An empty
 * roster makes the app treat every chat as large (the «Vis mitt svar» button).
 */
export class CountingConnector {
  readonly updates = new Map<string, number>();
  readonly posted: Record<string, unknown>[] = [];
  lastUpdateAt = 0;
  private server: Server | undefined;
  private nextId = 1;

  async start(): Promise<this> {
    // writeHead and end apart: in a process where restify runs too, its patched writeHead returns nothing.
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        if (req.method === 'GET' && path.includes('/pagedmembers')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ members: [] }));
          return;
        }
        if (req.method === 'PUT') {
          const id = decodeURIComponent(path.split('/').pop() ?? '');
          this.updates.set(id, (this.updates.get(id) ?? 0) + 1);
          this.lastUpdateAt = performance.now();
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id }));
          return;
        }
        const id = `activity-${this.nextId++}`;
        if (req.method === 'POST' && chunks.length > 0 && this.posted.length < 50) {
          this.posted.push({ id, path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      });
    });
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  totalUpdates(): number {
    return [...this.updates.values()].reduce((a, b) => a + b, 0);
  }

  /** Resolves once no card update has arrived for `quietMs`. */
  async settle(quietMs: number, maxMs = 30_000): Promise<void> {
    const start = performance.now();
    while (performance.now() - start < maxMs) {
      if (performance.now() - Math.max(this.lastUpdateAt, start) >= quietMs) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
