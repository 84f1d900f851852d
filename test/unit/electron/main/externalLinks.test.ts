import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, shell } from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { openExternalSafely } = await import('../../../../electron/main/externalLinks.ts');

beforeEach(() => resetFakeElectron());

describe('openExternal', () => {
  it.each([
    'https://pass24.online/help',
    'http://intranet.example/ticket/42',
    'mailto:support@pass24.online',
    'tel:+78001234567',
  ])('opens %s', async (url) => {
    await expect(openExternalSafely(url)).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'file:///etc/passwd',
    'file://server/share/run.exe',
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-settings:',
    'smb://server/share',
    'https://',
    'mailto:',
    '',
    'relative/path',
  ])('refuses %s', async (url) => {
    await expect(openExternalSafely(url)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses what is not a string', async () => {
    await expect(openExternalSafely({ toString: () => 'https://x.example' })).resolves.toBe(false);
    await expect(openExternalSafely(null)).resolves.toBe(false);
  });

  it('reports false when the system cannot open it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    await expect(openExternalSafely('https://pass24.online')).resolves.toBe(false);
  });
});
