/**
 * The preload is type-checked against its own narrow typing of Electron (tsconfig.preload.json,
 * no Node types); these type assertions, checked by npm run typecheck, keep that typing a part
 * of Electron's real one, so the preload cannot be typed against an API Electron does not have.
 */
import type * as Electron from 'electron';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Sandbox from '../../../../electron/preload/sandboxElectron.d.ts';

describe("the preload's typing of Electron (electron/preload/sandboxElectron.d.ts)", () => {
  it("is met by Electron's own types", () => {
    expectTypeOf<Electron.IpcRendererEvent>().toExtend<Sandbox.IpcRendererEvent>();
    expectTypeOf<Electron.IpcRenderer>().toExtend<Sandbox.IpcRenderer>();
    expectTypeOf<Electron.ContextBridge>().toExtend<Sandbox.ContextBridge>();
  });
});
