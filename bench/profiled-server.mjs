// The app (dist/src/main.js) with an inspector session its parent drives over IPC: «start»
// begins sampling, «stop» ends it and sends the profile back, so the profile holds the burst
// alone, not the start-up and the voters' registration before it.
import { Session } from 'node:inspector/promises';

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
process.on('message', async (message) => {
  if (message === 'start') {
    await session.post('Profiler.start');
    process.send('started');
  } else if (message === 'stop') {
    const { profile } = await session.post('Profiler.stop');
    process.send({ profile });
  }
});
await import('../dist/src/main.js');
