import { startApp } from './app.js';
import { ConfigError } from './config/config.js';
import { DataDirLockedError } from './db/lock.js';

try {
  const app = await startApp();
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'Stopper: tar ikke imot nye forespørsler, lar pågående bli ferdige');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'Feil under nedstenging');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
