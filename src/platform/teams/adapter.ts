import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationError,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
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
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  /** Like the connector below: botbuilder makes one per activity; it is the app's, not the turn's. */
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
    return kept(this.tokenClients, appId, () => super.createUserTokenClient(claimsIdentity));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      const { connectorFactory } = result;
      if (!connectorFactory) return result;
      const appId = JwtTokenValidation.getAppIdFromClaims(result.claimsIdentity.claims) ?? '';
      return { ...result, connectorFactory: new ReusedConnectors(connectorFactory, appId, this.clients) };
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
        throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  }
}

/** A handful of Teams regions, each with a few audiences: more than this is not normal traffic. */
const MAX_KEPT_CONNECTORS = 64;

/**
 * botbuilder builds a new ConnectorClient, with its whole HTTP pipeline, for every inbound
 * activity (issue 15's profile: ~0.15 ms of CPU per vote, more than all our card code), even for
 * an invoke, which is answered in the HTTP response and never uses it. The client holds nothing
 * of the turn (its credentials are the app's, for a service URL and audience), so one per app id,
 * service URL and audience is kept and shared.
 */
class ReusedConnectors extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly kept: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return kept(this.kept, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** The kept client for the key, made on first use; a failed creation is not kept. */
function kept<T>(clients: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= MAX_KEPT_CONNECTORS) clients.clear();
    client = make();
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
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
