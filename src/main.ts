import { ConfigError, loadConfig } from './platform/config.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { openDatabase } from './platform/db/open.js';

try {
  // The database opens (PGlite: WASM compile and Postgres' start) while the app's modules load,
  // instead of after them: the two take about a second each. startApp checks the config again.
  const database = openDatabase(loadConfig(process.env));
  database.catch(() => undefined); // handled where it is awaited, below
  const { SHUTDOWN_MS, startApp } = await import('./app/app.js');
  const app = await startApp({ database: await database });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // A second signal: whoever sent it will not wait.
      app.log.warn({ signal }, 'Stopper med en gang');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'Stopper: svarer 503 på nye forespørsler, lar pågående bli ferdige');
    // close() keeps to SHUTDOWN_MS; this is the backstop should something still hang.
    setTimeout(() => {
      app.log.error('Nedstengingen tok for lang tid; avslutter');
      process.exit(1);
    }, SHUTDOWN_MS + 800).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'Feil under nedstenging');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
