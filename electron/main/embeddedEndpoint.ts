/**
 * The embedded central endpoint (docs/architecture.md, "Utility process"): with no endpoint configured, the desktop app
 * runs the central endpoint itself in an Electron utility process, with its data in
 * userData/central and listening on 127.0.0.1 only. A separate process keeps PGlite's work off
 * the main process, whose event loop must stay free for alarms.
 */
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import type { EmbeddedEndpoint } from '../../shared/host.ts';
import { embeddedArgs } from '../common/embeddedMessages.ts';
import type { EmbeddedChildMessage, EmbeddedParentMessage } from '../common/embeddedMessages.ts';

export interface EmbeddedEndpointOptions {
  /** out/main/embedded.js */
  entry: string;
  dataDir: string;
  /** PGlite's first run creates the database and the demo workspace: give it time. */
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  log?(message: string): void;
}

export class EmbeddedEndpointProcess {
  readonly #options: EmbeddedEndpointOptions;
  #child: UtilityProcess | null = null;
  #ready: Promise<EmbeddedEndpoint> | null = null;
  /** The port of the last run, reused on a restart so the renderer's URL stays valid. */
  #port = 0;

  constructor(options: EmbeddedEndpointOptions) {
    this.#options = options;
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** Starts the endpoint, or returns the running one. A failed or exited one is started again. */
  start(): Promise<EmbeddedEndpoint> {
    this.#ready ??= this.#spawn();
    return this.#ready;
  }

  #spawn(): Promise<EmbeddedEndpoint> {
    const log = this.#options.log ?? (() => {});
    const child = utilityProcess.fork(
      this.#options.entry,
      [`${embeddedArgs.dataDir}${this.#options.dataDir}`, `${embeddedArgs.port}${this.#port}`],
      { serviceName: 'PASS24 central endpoint', stdio: 'inherit' },
    );
    this.#child = child;
    return new Promise<EmbeddedEndpoint>((resolve, reject) => {
      let settled = false;
      const timeout = setTimeout(() => {
        fail(new Error(`the embedded endpoint did not start within ${(this.#options.startTimeoutMs ?? 120_000) / 1000} s`));
        child.kill();
      }, this.#options.startTimeoutMs ?? 120_000);
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        this.#ready = null;
        reject(error);
      };
      child.on('message', (message: EmbeddedChildMessage) => {
        if (message.type === 'ready' && !settled) {
          settled = true;
          clearTimeout(timeout);
          this.#port = Number(new URL(message.url).port) || 0;
          log(`embedded endpoint listening at ${message.url}`);
          resolve({ url: message.url, login: message.login, password: message.password });
        } else if (message.type === 'failed') {
          fail(new Error(`the embedded endpoint failed to start: ${message.message}`));
        }
      });
      child.on('exit', (code) => {
        if (this.#child === child) this.#child = null;
        // The next start() call starts it again.
        this.#ready = null;
        fail(new Error(`the embedded endpoint exited with code ${code} before it was ready`));
        log(`embedded endpoint exited with code ${code}`);
      });
    });
  }

  /** Asks the endpoint to close (PGlite flushes), and kills it if it takes too long. */
  stop(): Promise<void> {
    const child = this.#child;
    if (!child) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timeout = setTimeout(() => {
        this.#options.log?.('embedded endpoint did not stop in time; killing it');
        child.kill();
      }, this.#options.stopTimeoutMs ?? 5_000);
      child.once('exit', () => {
        clearTimeout(timeout);
        resolve();
      });
      const stop: EmbeddedParentMessage = { type: 'stop' };
      child.postMessage(stop);
    });
  }
}
