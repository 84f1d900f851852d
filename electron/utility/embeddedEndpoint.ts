/**
 * Entry of the utility process (utilityProcess.fork from electron/main/embeddedEndpoint.ts) that
 * runs the embedded central endpoint: PGlite with its data in the app's data folder, listening on
 * loopback only. It runs in its own process, which is why this one folder of electron/ may import
 * server/ (see eslint.config.js). Built by electron-vite as out/main/embedded.js.
 */
import { startEmbedded } from '../../server/embedded.ts';
import type { EmbeddedChildMessage, EmbeddedParentMessage } from '../common/embeddedMessages.ts';
import { embeddedArgs } from '../common/embeddedMessages.ts';

function arg(prefix: string): string | undefined {
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const parentPort = process.parentPort;
const post = (message: EmbeddedChildMessage): void => parentPort.postMessage(message);

async function run(): Promise<void> {
  const dataDir = arg(embeddedArgs.dataDir);
  if (!dataDir) throw new Error(`missing ${embeddedArgs.dataDir}<folder>`);
  const port = Number(arg(embeddedArgs.port) ?? 0);
  const server = await startEmbedded({ dataDir, host: '127.0.0.1', port: Number.isInteger(port) ? port : 0 });

  let stopping = false;
  parentPort.on('message', (event: { data: EmbeddedParentMessage }) => {
    if (event.data?.type !== 'stop' || stopping) return;
    stopping = true;
    // Closing lets PGlite flush its data folder; the parent kills us if this hangs.
    server
      .close()
      .then(
        () => post({ type: 'stopped' }),
        (error: unknown) => console.error('embedded endpoint: close failed', error),
      )
      .finally(() => process.exit(0));
  });
  post({ type: 'ready', url: server.url, login: server.login, password: server.password });
}

run().catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  console.error('embedded endpoint: failed to start', error);
  process.exit(1);
});
