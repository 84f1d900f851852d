/**
 * The part of Electron a sandboxed preload may use, typed without Node: Electron's own typings
 * pull in all of Node, which the sandbox does not have. tsconfig.preload.json maps 'electron'
 * here; test/unit/electron/preload/preloadSandbox.test.ts checks that Electron's types still fit these.
 */
export interface IpcRendererEvent {
  readonly sender: IpcRenderer;
}

export interface IpcRenderer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what the main process answers, as Electron types it.
  invoke(channel: string, ...args: unknown[]): Promise<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the payload's type is the channel's.
  on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): this;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same listener handed to on().
  removeListener(channel: string, listener: (...args: any[]) => void): this;
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export declare const ipcRenderer: IpcRenderer;
export declare const contextBridge: ContextBridge;
