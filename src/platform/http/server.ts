import { randomUUID } from 'node:crypto';
import { inLocale } from '../i18n/context.js';
import type { Locale } from '../i18n/locale.js';
import { existsSync } from 'node:fs';
import helmet from 'helmet';
import restify, { type Request, type Response, type Server } from 'restify';
import { DEV_USER_HEADER, isLoopback, type Caller, type CallerAuthenticator } from '../../shared/api/caller.js';
import { FileResponse, type ApiRoute } from '../../shared/api/context.js';
import type { Actor } from '../../shared/policy.js';
import { INTERNAL_ERROR_CODE, internalErrorMessage, statusOf, type Result } from '../../shared/result.js';
import type { BotEndpoint } from '../teams/endpoint.js';
import type { AppMode } from '../config.js';
import type { Database } from '../db/port.js';
import type { Logger } from '../logging.js';
import { tabDistDir } from '../paths.js';
import { t } from '../messages.js';

/** The tab sends the language it shows, so the server's texts (errors, previews) match it. */
export const LOCALE_HEADER = 'x-samlingspunkt-locale';
export const MAX_BODY_BYTES = 256 * 1024;

/** A route without sign-in (what the tab needs before it can sign in). */
export interface PublicRoute {
  path: string;
  /** Only in local mode and only from loopback: the dev sign-in's list of demo people. */
  localOnly?: boolean;
  /** `params`: the path's named parts (a calendar feed's `/calendar/:file`). */
  handle(input: { params: Record<string, string | undefined> }): Promise<Result<unknown>>;
}

export interface HttpDeps {
  mode: AppMode;
  db: Database;
  bot: BotEndpoint;
  /** The tab API, behind sign-in. */
  routes: readonly ApiRoute[];
  publicRoutes: readonly PublicRoute[];
  callers: CallerAuthenticator;
  /** The caller as a member, with their roles (someone not registered has none). */
  loadActor(caller: Caller): Promise<Actor>;
  /** The reader's language: the tab's (its Teams context or switch), then the person's own settings. */
  localeOf(actor: Actor | undefined, requested: string | undefined): Locale;
  log: Logger;
  now(): Date;
  health(): Promise<{ healthy: boolean; body: Record<string, unknown> }>;
}

export interface HttpServer {
  server: Server;
  inFlight(): number;
  /**
   * Answers new requests with 503 + Retry-After and resolves when in-flight requests have
   * finished (or after timeoutMs). The listener stays open; closing it is the caller's.
   */
  drain(timeoutMs: number): Promise<void>;
}

function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status);
  res.json({ error: field ? { code, message, field } : { code, message } });
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
  else sendError(res, statusOf[result.error.code], result.error.code, result.error.message, result.error.field);
}

/** Logged with a fresh id; the body names only that id, never the error's own text. */
function internalError(log: Logger, req: Request, err: unknown): { error: Record<string, string> } {
  const correlationId = randomUUID();
  log.error({ err, correlationId, method: req.method, url: req.url }, 'Uventet feil i HTTP-forespørsel');
  return { error: { code: INTERNAL_ERROR_CODE, message: internalErrorMessage(correlationId), correlationId } };
}

// restify's own errors (bad JSON, too large, unknown route) in the same shape as ours, in the
// language the tab asked for: they happen before sign-in, so only the header is known.
const restifyErrorCodes: Record<number, [code: string, key: Parameters<typeof t>[0]]> = {
  400: ['ugyldig-forespørsel', 'http.badRequest'], // i18n-ignore: the code
  403: ['ingen-tilgang', 'http.forbidden'],
  404: ['finnes-ikke', 'http.notFound'],
  405: ['metode-ikke-tillatt', 'http.methodNotAllowed'],
  413: ['for-stor', 'http.tooLarge'],
  415: ['feil-innholdstype', 'http.unsupportedType'],
};

function restifyErrorText(status: number, locale: Locale): [string, string] {
  const known = restifyErrorCodes[status];
  if (!known) return ['ugyldig-forespørsel', t.in(locale, 'http.cannotProcess')]; // i18n-ignore: the code
  return [known[0], t.in(locale, known[1], { kib: MAX_BODY_BYTES / 1024 })];
}

const requestedLocale = (req: Request): string | undefined => {
  const header = req.headers[LOCALE_HEADER];
  return typeof header === 'string' ? header : undefined;
};

// Where the tab may be framed: Teams, Outlook and the Microsoft 365 app, old and new domains
// (Teams docs, «Tab requirements»).
const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
  'https://*.outlook.com',
];

// The tab's scripts are the built files only; Fluent UI (Griffel) inserts its styles at run time
// and the pages have a small <style>, hence 'unsafe-inline' for styles alone; teams-js fetches
// its list of valid domains from res.cdn.office.net.
const TAB_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'https://res.cdn.office.net'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: TAB_FRAME_ANCESTORS,
};

/** Local mode checks no tokens: a page whose DNS name is rebound to 127.0.0.1 must not reach it. */
function loopbackHost(host: string | undefined): boolean {
  const name = /^(\[[^\]]*\]|[^:]*)(?::\d*)?$/.exec(host ?? '')?.[1]?.toLowerCase();
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

const hasBody = (req: Request) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

export function createHttpServer(deps: HttpDeps): HttpServer {
  const server = restify.createServer({ name: 'samlingspunkt', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  const idleWaiters: (() => void)[] = [];
  /** Before sign-in (and for what is not the API) only the tab's header says the language. */
  const localeOfRequest = (req: Request): Locale => deps.localeOf(undefined, requestedLocale(req));

  // Security headers on every answer (errors and 404s too, hence pre): nosniff everywhere, HSTS
  // only where there is TLS in front; the tab gets its own CSP, and may be framed by Teams.
  const hsts = deps.mode === 'production' ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false;
  const apiHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    strictTransportSecurity: hsts,
  });
  const tabHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: TAB_CSP },
    strictTransportSecurity: hsts,
    xFrameOptions: false, // it cannot name Teams; frame-ancestors does
    crossOriginOpenerPolicy: false, // the Teams SSO consent pop-up talks back to its opener
  });
  server.pre((req: Request, res: Response, next: restify.Next) =>
    (req.path().startsWith('/tab') ? tabHeaders : apiHeaders)(req, res, (err?: unknown) => next(err as Error | undefined)),
  );
  if (deps.mode === 'local') {
    server.pre((req: Request, res: Response, next: restify.Next) => {
      if (loopbackHost(req.headers.host)) return next();
      sendError(res, 421, 'ukjent-vert', t.in(localeOfRequest(req), 'http.localOnly'));
      return next(false);
    });
  }
  // Only JSON bodies: a form or text/plain POST is what any web page can send cross-site
  // without asking (no CORS preflight), and the bot endpoint must not take one as an activity.
  server.pre((req: Request, res: Response, next: restify.Next) => {
    const mustBeJson = hasBody(req) || (req.method === 'POST' && req.path() === '/api/messages');
    if (!mustBeJson || req.getContentType() === 'application/json') return next();
    const [code, message] = restifyErrorText(415, localeOfRequest(req));
    sendError(res, 415, code, message);
    return next(false);
  });

  server.pre((req: Request, res: Response, next: restify.Next) => {
    if (draining) {
      // An answer, not a reset: Teams and the tab retry a 503 after Retry-After.
      res.header('Connection', 'close');
      res.header('Retry-After', '5');
      sendError(res, 503, 'stenger-ned', t.in(localeOfRequest(req), 'http.restarting'));
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
    const locale = localeOfRequest(req);
    const [code, message] = restifyErrorText(status, locale);
    const body = status >= 500 ? inLocale(locale, () => internalError(deps.log, req, err)) : { error: { code, message } };
    // restify sends an error without a numeric statusCode as InternalError(String(err)), its own text.
    err.statusCode = status;
    (err as unknown as { toJSON: () => unknown }).toJSON = () => body;
    return cb();
  });

  // restify hands a rejected handler's error to the server's error events, one of them named
  // after the error (a pg DatabaseError is called «error»): every handler answers its own.
  const guarded =
    (handler: (req: Request, res: Response) => Promise<unknown>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (err) {
        const body = inLocale(localeOfRequest(req), () => internalError(deps.log, req, err));
        if (res.headersSent) res.destroy();
        else res.json(500, body);
      }
    };

  server.post(
    '/api/messages',
    guarded(async (req, res) => {
      const rejection = await deps.bot.handle(req, res as never);
      if (rejection) sendError(res, rejection.status, rejection.code, rejection.message);
    }),
  );

  server.get(
    '/healthz',
    guarded(async (_req, res) => {
      const { healthy, body } = await deps.health();
      res.json(healthy ? 200 : 503, body);
    }),
  );

  // Public routes: what the tab needs before sign-in (SSO settings; in local mode the demo people),
  // and the calendar feeds. HEAD as well as GET: some calendar clients ask whether a feed is there
  // (and how big) before they fetch it, and Node leaves the body out of a HEAD answer by itself.
  for (const route of deps.publicRoutes) {
    if (route.localOnly && deps.mode !== 'local') continue;
    const handler = guarded(async (req, res) =>
      !route.localOnly || isLoopback(req.socket.remoteAddress)
        ? sendResult(res, await inLocale(localeOfRequest(req), () => route.handle({ params: (req.params ?? {}) as Record<string, string> })))
        : sendError(res, 404, 'finnes-ikke', t.in(localeOfRequest(req), 'http.notFound')),
    );
    server.get(route.path, handler);
    server.head(route.path, handler);
  }

  // Authenticate, load the caller's roles, then hand typed input to the route's handler.
  const apiHandler = (route: ApiRoute) => async (req: Request, res: Response) => {
    const devUser = req.headers[DEV_USER_HEADER];
    const requested = requestedLocale(req);
    // Sign-in refusals are in the language the tab asked for: before we know who is asking,
    // that header is all there is.
    const caller = await inLocale(deps.localeOf(undefined, requested), () =>
      deps.callers.authenticate({
        authorization: req.headers.authorization,
        devUser: typeof devUser === 'string' ? devUser : undefined,
        remoteAddress: req.socket.remoteAddress,
      }),
    );
    if (!caller.ok) return sendResult(res, caller);
    const actor = await deps.loadActor(caller.value);
    return inLocale(deps.localeOf(actor, requested), async () => {
      const result = await route.handle(
        { db: deps.db, log: deps.log, caller: caller.value, actor, now: deps.now(), sender: deps.bot.sender },
        { params: (req.params ?? {}) as Record<string, string>, query: (req.query ?? {}) as Record<string, unknown>, body: req.body },
      );
      sendResult(res, result, route.okStatus);
    });
  };
  for (const route of deps.routes) server[route.method](route.path, guarded(apiHandler(route)));


  server.get('/tab', (_req: Request, res: Response, next: restify.Next) => {
    res.redirect(302, '/tab/', next);
  });
  if (existsSync(tabDistDir)) {
    server.get('/tab/*', restify.plugins.serveStaticFiles(tabDistDir, { maxAge: 0 }));
  } else {
    server.get(
      '/tab/*',
      guarded(async (req, res) => sendError(res, 404, 'fane-ikke-bygget', t.in(localeOfRequest(req), 'http.tabNotBuilt'))),
    );
  }

  return {
    server,
    inFlight: () => inFlight,
    drain(timeoutMs) {
      // The listener stays open: what arrives from now on gets a 503 (above) until the app
      // closes the server at the end of its stop.
      draining = true;
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
