/** Main-process entry (built to out/main/index.js). */
import { startDesk } from './app.ts';

const { ready } = startDesk();
ready?.catch((error: unknown) => {
  console.error('PASS24 Support Desk failed to start', error);
  process.exitCode = 1;
});
