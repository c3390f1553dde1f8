import { existsSync } from 'node:fs';
import restify, { type Request, type Response, type Server } from 'restify';
import { getAuthConfig } from '../api/auth-config.js';
import { DEV_USER_HEADER, isLoopback, type CallerAuthenticator } from '../api/caller.js';
import { FileResponse, unregisteredActor, type ApiRoute } from '../api/context.js';
import { getDevUsers } from '../api/dev-users.js';
import { statusOf, type Result } from '../api/errors.js';
import { apiRoutes } from '../api/routes.js';
import { loadActor } from '../db/sql/actors.js';
import type { BotEndpoint } from '../bot/endpoint.js';
import type { AppMode, SsoConfig } from '../config/config.js';
import type { Database } from '../db/port.js';
import type { Logger } from '../logging.js';
import type { PollService } from '../polls/service.js';
import { tabDistDir } from '../paths.js';

export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpDeps {
  mode: AppMode;
  db: Database;
  bot: BotEndpoint;
  polls: PollService;
  callers: CallerAuthenticator;
  sso: SsoConfig;
  log: Logger;
  now(): Date;
  health(): Promise<{ healthy: boolean; body: Record<string, unknown> }>;
}

export interface HttpServer {
  server: Server;
  inFlight(): number;
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  drain(timeoutMs: number): Promise<void>;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}

/** A download: the bytes as they are, with a file name that keeps Norwegian letters (RFC 6266). */
function sendFile(res: Response, file: FileResponse): void {
  const ascii = file.filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'fil';
  res.sendRaw(200, file.body, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.body.length),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

function sendResult<T>(res: Response, result: Result<T>, okStatus = 200): void {
  if (result.ok && result.value instanceof FileResponse) sendFile(res, result.value);
  else if (result.ok) res.json(okStatus, result.value);
  else sendError(res, statusOf[result.error.code], result.error.code, result.error.message);
}

// restify's own errors (bad JSON, too large, unknown route) in the same Norwegian shape.
const restifyErrorText: Record<number, [string, string]> = {
  400: ['ugyldig-forespørsel', 'Forespørselen kunne ikke leses (ugyldig JSON eller feil format).'],
  404: ['finnes-ikke', 'Fant ikke adressen.'],
  405: ['metode-ikke-tillatt', 'Metoden er ikke tillatt for denne adressen.'],
  413: ['for-stor', `Forespørselen er for stor (maks ${MAX_BODY_BYTES / 1024} KiB).`],
  415: ['feil-innholdstype', 'Innholdstypen støttes ikke; send JSON.'],
};

export function createHttpServer(deps: HttpDeps): HttpServer {
  const server = restify.createServer({ name: 'samlingspunkt', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  const idleWaiters: (() => void)[] = [];

  server.pre((req: Request, res: Response, next: restify.Next) => {
    if (draining) {
      res.header('Connection', 'close');
      sendError(res, 503, 'stenger-ned', 'Tjenesten starter på nytt. Prøv igjen om et øyeblikk.');
      return next(false);
    }
    inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
      if (inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
    };
    res.once('finish', finish);
    res.once('close', finish);
    return next();
  });
  server.pre(restify.plugins.pre.dedupeSlashes());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
    const status = err.statusCode ?? 500;
    const [code, message] = restifyErrorText[status] ?? ['intern-feil', 'Noe gikk galt på serveren. Prøv igjen.'];
    if (status >= 500) deps.log.error({ err, url: req.url }, 'Uventet feil i HTTP-forespørsel');
    (err as unknown as { toJSON: () => unknown }).toJSON = () => ({ error: { code, message } });
    return cb();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const rejection = await deps.bot.handle(req, res as never);
    if (rejection) sendError(res, rejection.status, rejection.code, rejection.message);
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const { healthy, body } = await deps.health();
    res.json(healthy ? 200 : 503, body);
  });

  // Public: what the tab needs to start Teams SSO consent. No secrets.
  server.get('/api/auth/config', async (_req: Request, res: Response) => sendResult(res, getAuthConfig(deps)));
  // The dev sign-in's list of demo people exists only in local mode, and only for loopback.
  if (deps.mode === 'local') {
    server.get('/api/dev/users', async (req: Request, res: Response) =>
      isLoopback(req.socket.remoteAddress)
        ? sendResult(res, await getDevUsers(deps.db))
        : sendError(res, 404, 'finnes-ikke', 'Fant ikke adressen.'),
    );
  }

  // Authenticate, load the caller's roles, then hand typed input to the route's handler.
  const apiHandler = (route: ApiRoute) => async (req: Request, res: Response) => {
    const devUser = req.headers[DEV_USER_HEADER];
    const caller = await deps.callers.authenticate({
      authorization: req.headers.authorization,
      devUser: typeof devUser === 'string' ? devUser : undefined,
      remoteAddress: req.socket.remoteAddress,
    });
    if (!caller.ok) return sendResult(res, caller);
    const actor = (await loadActor(deps.db, caller.value.tenantId, caller.value.aadObjectId)) ?? unregisteredActor(caller.value);
    const result = await route.handle(
      { db: deps.db, log: deps.log, caller: caller.value, actor, now: deps.now(), sender: deps.bot.sender, polls: deps.polls },
      { params: (req.params ?? {}) as Record<string, string>, query: (req.query ?? {}) as Record<string, unknown>, body: req.body },
    );
    return sendResult(res, result, route.okStatus);
  };
  for (const route of apiRoutes) server[route.method](route.path, apiHandler(route));


  server.get('/tab', (_req: Request, res: Response, next: restify.Next) => {
    res.redirect(302, '/tab/', next);
  });
  if (existsSync(tabDistDir)) {
    server.get('/tab/*', restify.plugins.serveStaticFiles(tabDistDir, { maxAge: 0 }));
  } else {
    server.get('/tab/*', async (_req: Request, res: Response) =>
      sendError(res, 404, 'fane-ikke-bygget', 'Fanen er ikke bygget. Kjør «npm run build:tab» først.'),
    );
  }

  return {
    server,
    inFlight: () => inFlight,
    drain(timeoutMs) {
      draining = true;
      server.close();
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
