import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotCredentials } from '../config/config.js';
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
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'Feil i bot-tur');
    if (context.activity.type === 'message') {
      await context
        .sendActivity('Beklager, noe gikk galt hos meg. Prøv igjen om litt.')
        .catch((sendError: unknown) => log.warn({ err: sendError }, 'Kunne ikke sende feilmelding'));
    }
  };
  return adapter;
}
