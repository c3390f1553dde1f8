import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

// Secrets can reach a log line through a config object or an error's context; redact by
// key everywhere rather than trusting every call site.
const redactPaths = [
  'password',
  'MicrosoftAppPassword',
  'databaseUrl',
  'DATABASE_URL',
  'connectionString',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.password',
  '*.MicrosoftAppPassword',
  '*.databaseUrl',
  '*.DATABASE_URL',
  '*.connectionString',
  '*.authorization',
  'config.bot.password',
  'config.databaseUrl',
  // Polls: the key behind anonymous voter hashes and card signatures.
  'POLL_HASH_SECRET',
  '*.POLL_HASH_SECRET',
  'hashSecret',
  '*.hashSecret',
  'config.polls.hashSecret',
  // Setting up networks: the app's secret for Microsoft Graph group checks.
  'GRAPH_CLIENT_SECRET',
  '*.GRAPH_CLIENT_SECRET',
  'clientSecret',
  '*.clientSecret',
  'config.networkCreators.graph.clientSecret',
  // Teams meetings: the tab app's secret for on-behalf-of, and the user's own SSO token it exchanges.
  'AAD_APP_CLIENT_SECRET',
  '*.AAD_APP_CLIENT_SECRET',
  'config.teamsMeetings.clientSecret',
  'ssoToken',
  '*.ssoToken',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { name: 'samlingspunkt', level, redact: { paths: redactPaths, censor: '[skjult]' } },
    destination,
  );
}
