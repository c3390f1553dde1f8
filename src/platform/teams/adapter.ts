import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import { adaptiveCard, text } from '../../shared/cards/card.js';
import { DEFAULT_LOCALE, localeFromTag, type Locale } from '../i18n/locale.js';
import { t } from '../messages.js';
import type { BotCredentials } from '../config.js';
import type { Logger } from '../logging.js';

// jsonwebtoken's own verdicts: bad signature, disallowed algorithm (alg none, HS256 …),
// not yet valid. TokenExpiredError botbuilder already wraps itself.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder lets jsonwebtoken's errors escape unwrapped, and CloudAdapter answers anything
 * but an AuthenticationError with 500: a forged signature or an unsigned token naming a
 * published key would get 500 instead of 401. Those are the caller's fault, so they become
 * AuthenticationErrors (401). Other failures (metadata unreachable) stay 500.
 */
class ChannelTokenAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
        throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  }
}

/**
 * With no app id botbuilder neither checks inbound tokens nor signs outbound calls: that is
 * local mode, and config refuses it in production. Overrides let tests point token
 * validation at a local OpenID metadata endpoint.
 */
export function createCloudAdapter(
  credentials: BotCredentials | undefined,
  log: Logger,
  authOverrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): CloudAdapter {
  const settings = {
    MicrosoftAppId: credentials?.appId ?? '',
    MicrosoftAppPassword: credentials?.password ?? '',
    MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: credentials?.tenantId ?? '',
  };
  const credentialsFactory = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ChannelTokenAuthentication(
    { MicrosoftAppId: settings.MicrosoftAppId, MicrosoftAppTenantId: settings.MicrosoftAppTenantId, ...authOverrides },
    credentialsFactory,
  );
  const adapter = new CloudAdapter(auth);
  // Whatever went wrong, the person gets an answer in their language with an id that is also in the
  // log; an invoke still gets its invoke response (without one Teams shows an error and
  // botbuilder answers 501), never the error's own text.
  adapter.onTurnError = async (context, error) => {
    const correlationId = randomUUID();
    const { type, name } = context.activity;
    log.error({ err: error, correlationId, activityType: type, invokeName: name }, 'Feil i bot-tur');
    // The handler's inLocale scope has ended by now: the activity itself says the language.
    const locale = localeFromTag(context.activity.locale) ?? DEFAULT_LOCALE;
    const message = t.in(locale, 'bot.turnError', { id: correlationId });
    const reply =
      type === 'invoke'
        ? { type: 'invokeResponse', value: { status: StatusCodes.OK, body: invokeErrorBody(name, message, locale) } }
        : type === 'message'
          ? { type: 'message', text: message }
          : undefined;
    if (!reply) return;
    await context.sendActivity(reply).catch((sendError: unknown) => log.warn({ err: sendError, correlationId }, 'Kunne ikke sende feilmelding'));
  };
  return adapter;
}

/** A card action's answer is a card (it replaces the pressed one); other invokes get a message. */
function invokeErrorBody(invokeName: string | undefined, message: string, locale: Locale): Record<string, unknown> {
  if (invokeName !== 'adaptiveCard/action') return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
  const card = adaptiveCard([text(t.in(locale, 'bot.turnErrorTitle'), { weight: 'Bolder', size: 'Medium', style: 'heading' }), text(message)], [], message);
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}
