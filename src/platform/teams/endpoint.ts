import type { ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import type { IncomingHttpHeaders } from 'node:http';
import { serviceUrlAllowed, type AppConfig } from '../config.js';
import { createCloudAdapter } from './adapter.js';
import { describeActivityProblems, inboundActivitySchema } from './activity-schema.js';
import type { Database } from '../db/port.js';
import type { Logger } from '../logging.js';
import { DEFAULT_SENDER_SETTINGS, type ProactiveSender } from '../../shared/proactive.js';
import { createSender } from './sender.js';
import { t } from '../messages.js';
import { teamsTurn, type TurnHandler } from './turn.js';

/** Tests point inbound token validation at a local OpenID metadata endpoint with these. */
export type BotAuthOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

/** The slice of an HTTP request/response the bot needs; the HTTP adapter supplies it. */
export interface BotRequest {
  body?: unknown;
  headers: IncomingHttpHeaders;
  method?: string;
}

export interface BotResponse {
  socket: unknown;
  end(...args: unknown[]): unknown;
  header(name: string, value: unknown): unknown;
  send(...args: unknown[]): unknown;
  status(code: number): unknown;
}

export type BotRejection = { status: 400 | 401; code: string; message: string };

/** botbuilder failed the request itself (metadata unreachable, a bug); its text is for the log only. */
export class BotProcessingError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(`Bot Framework-behandlingen svarte ${status}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
    this.name = 'BotProcessingError';
  }
}

export interface BotEndpoint {
  /**
   * Returns a rejection for the HTTP layer to render, or undefined when botbuilder answered.
   * Throws BotProcessingError when botbuilder failed (the HTTP layer answers 500).
   */
  handle(req: BotRequest, res: BotResponse): Promise<BotRejection | undefined>;
  /** Proactive messages go out through the same adapter and credentials. */
  sender: ProactiveSender;
}

/**
 * The Teams bot: inbound activities through botbuilder's adapter to the app's turn handler,
 * as neutral turns. The handler comes from the composition root, made with the sender created
 * here (it shares the adapter and credentials), so this folder knows no capability.
 */
export function createBotEndpoint(
  config: Pick<AppConfig, 'bot' | 'mode' | 'botServiceUrls'> & Partial<Pick<AppConfig, 'proactive'>>,
  platform: { db: Database; log: Logger },
  handlerFor: (sender: ProactiveSender) => TurnHandler,
  authOverrides?: BotAuthOverrides,
): BotEndpoint {
  const adapter = createCloudAdapter(config.bot, platform.log, authOverrides);
  const sender = createSender(adapter, config.bot?.appId ?? '', platform.db, platform.log, config.proactive ?? DEFAULT_SENDER_SETTINGS);
  const handler = handlerFor(sender);
  const logic = (context: TurnContext) => handler(teamsTurn(context));
  const authRequired = config.bot !== undefined;
  return {
    sender,
    async handle(req, res) {
      // Refuse the obviously unauthenticated before looking at the body; botbuilder then
      // validates the token itself before any turn logic runs.
      if (authRequired && !/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
        return { status: 401, code: 'mangler-token', message: t('bot.missingToken') };
      }
      const parsed = inboundActivitySchema.safeParse(req.body);
      if (!parsed.success) {
        return { status: 400, code: 'ugyldig-aktivitet', message: describeActivityProblems(parsed.error) };
      }
      // The bot posts its replies, with its credentials, to this address: only Teams' own (local
      // mode: this machine), whatever an unauthenticated body says.
      if (!serviceUrlAllowed(config.botServiceUrls, parsed.data.serviceUrl)) {
        return { status: 400, code: 'ugyldig-tjenesteadresse', message: t('bot.badServiceUrl') };
      }
      // botbuilder writes its own failures with the error's text as the body (SQL, host:port …),
      // so it writes to a stand-in and only a success is passed on as it is.
      let status = 200;
      let body: unknown;
      const captured: BotResponse = {
        socket: res.socket,
        header: (name, value) => res.header(name, value),
        status: (code) => (status = code as number),
        send: (value) => (body = value),
        end: () => undefined,
      };
      await adapter.process(req as never, captured as never, logic);
      if (status === 401) return { status: 401, code: 'ugyldig-token', message: t('bot.tokenRefused') };
      if (status >= 500) throw new BotProcessingError(status, body);
      res.status(status);
      if (body !== undefined) res.send(body);
      res.end();
      return undefined;
    },
  };
}
