import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeUtilityProcess, resetFakeElectron } from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { EmbeddedEndpointProcess } = await import('../../../../electron/main/embeddedEndpoint.ts');

const ready = { type: 'ready', url: 'http://127.0.0.1:41234', login: 'demo', password: 'pw' };
const endpoint = (extra = {}) =>
  new EmbeddedEndpointProcess({ entry: '/app/out/main/embedded.js', dataDir: '/data/central', ...extra });

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('EmbeddedEndpointProcess', () => {
  it('forks the utility entry with the data folder and resolves with the URL and demo credentials', async () => {
    const e = endpoint();
    const started = e.start();
    const child = FakeUtilityProcess.instances[0]!;
    expect(child.modulePath).toBe('/app/out/main/embedded.js');
    expect(child.args).toEqual(['--data-dir=/data/central', '--port=0']);
    child.emit('message', ready);
    await expect(started).resolves.toEqual({ url: ready.url, login: 'demo', password: 'pw' });
    expect(e.start()).toBe(started);
    expect(FakeUtilityProcess.instances).toHaveLength(1);
  });

  it('reports a start failure and starts afresh on the next call', async () => {
    const e = endpoint();
    const first = e.start();
    FakeUtilityProcess.instances[0]!.emit('message', { type: 'failed', message: 'data folder is locked' });
    await expect(first).rejects.toThrow('data folder is locked');
    void e.start();
    expect(FakeUtilityProcess.instances).toHaveLength(2);
  });

  it("restarts on the same port after the process died, so the renderer's URL stays valid", async () => {
    const e = endpoint();
    const first = e.start();
    FakeUtilityProcess.instances[0]!.emit('message', ready);
    await first;
    FakeUtilityProcess.instances[0]!.emit('exit', 1);
    expect(e.running).toBe(false);
    void e.start();
    expect(FakeUtilityProcess.instances[1]!.args).toContain('--port=41234');
  });

  it('gives up on a start that takes too long', async () => {
    vi.useFakeTimers();
    const started = endpoint({ startTimeoutMs: 1_000 }).start();
    vi.advanceTimersByTime(1_000);
    await expect(started).rejects.toThrow(/did not start within 1 s/);
    expect(FakeUtilityProcess.instances[0]!.killed).toBe(true);
  });

  it('stop() asks the process to close and kills it if it hangs', async () => {
    vi.useFakeTimers();
    const e = endpoint({ stopTimeoutMs: 2_000, log: () => {} });
    void e.start();
    const child = FakeUtilityProcess.instances[0]!;
    child.emit('message', ready);
    const stopped = e.stop();
    expect(child.posted).toEqual([{ type: 'stop' }]);
    vi.advanceTimersByTime(2_000);
    await stopped;
    expect(child.killed).toBe(true);
  });
});
