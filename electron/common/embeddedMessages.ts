/**
 * Messages between the main process and the utility process that runs the embedded central
 * endpoint (electron/utility/embeddedEndpoint.ts).
 */
export type EmbeddedChildMessage =
  { type: 'ready'; url: string; login: string; password: string } | { type: 'failed'; message: string } | { type: 'stopped' };

export type EmbeddedParentMessage = { type: 'stop' };

/** Command-line switches the child reads. */
export const embeddedArgs = {
  dataDir: '--data-dir=',
  port: '--port=',
} as const;
