import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, safeStorage } from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { DeskStore } = await import('../../../../electron/main/deskStore.ts');
const { TokenVault } = await import('../../../../electron/main/tokenVault.ts');

const token = 'eyJhbGciOiJIUzI1NiJ9.agent-42.signature';
let dir: string;
const warnings: string[] = [];
const vault = () => new TokenVault(new DeskStore({ cwd: dir }), (m) => warnings.push(m));
const configOnDisk = () => readFileSync(join(dir, 'config.json'), 'utf8');

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'pass24-token-'));
  warnings.length = 0;
});

describe('the token at rest', () => {
  it('is stored encrypted (base64 ciphertext) and read back by the next run', async () => {
    await vault().set(token);
    expect(configOnDisk()).not.toContain(token);
    expect(configOnDisk()).not.toContain('agent-42');
    const stored = JSON.parse(configOnDisk()).tokenCiphertext as string;
    expect(Buffer.from(stored, 'base64').toString()).toMatch(/^sealed:/);
    await expect(vault().get()).resolves.toBe(token);
  });

  it('sign-out clears it', async () => {
    await vault().set(token);
    await vault().set(null);
    await expect(vault().get()).resolves.toBeNull();
    expect(JSON.parse(configOnDisk()).tokenCiphertext).toBeNull();
  });

  it('without safeStorage it is kept in memory for the session only, with a warning, never on disk', async () => {
    safeStorage.available = false;
    const session = vault();
    await session.set(token);
    await expect(session.get()).resolves.toBe(token);
    expect(configOnDisk()).not.toContain(token);
    expect(warnings.join()).toMatch(/memory for this session only/);
    await expect(vault().get()).resolves.toBeNull();
  });

  it("treats Linux's basic_text backend (a fixed key) as no encryption", async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      safeStorage.backend = 'basic_text';
      await vault().set(token);
      expect(JSON.parse(configOnDisk()).tokenCiphertext).toBeNull();
      expect(warnings).toHaveLength(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('a ciphertext the OS can no longer decrypt is dropped: the user signs in again', async () => {
    new DeskStore({ cwd: dir }).setTokenCiphertext(Buffer.from('garbage').toString('base64'));
    await expect(vault().get()).resolves.toBeNull();
    expect(JSON.parse(configOnDisk()).tokenCiphertext).toBeNull();
    expect(warnings.join()).toMatch(/cannot be decrypted/);
  });
});
