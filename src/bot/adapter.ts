import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { BotCredentials } from '../config/config.js';
import type { Logger } from '../logging.js';

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
  const auth = new ConfigurationBotFrameworkAuthentication(
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
