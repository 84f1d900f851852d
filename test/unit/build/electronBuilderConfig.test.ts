/**
 * The installable app's electron-builder configuration: the targets of each platform, the app id
 * Windows notifications are attributed by, and only the built app and its runtime resources
 * shipped (no sources, tests or benchmarks).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appUserModelId } from '../../../electron/main/appIdentity.ts';

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  win: { target: string[] };
  nsis: { oneClick: boolean; perMachine: boolean };
  linux: { target: string[] };
  deb: { depends: string[] };
  mac: { target: string[] };
  publish: Array<{ provider: string; url: string }>;
}

const config = JSON.parse(readFileSync(new URL('../../../electron-builder.json', import.meta.url), 'utf8')) as BuilderConfig;
const included = config.files.filter((f) => !f.startsWith('!'));

describe('electron-builder configuration', () => {
  it('uses the AppUserModelID the app sets as its app id', () => {
    expect(config.appId).toBe(appUserModelId);
  });

  it('builds a per-user NSIS installer, AppImage and deb (with libnotify), and a dmg', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libnotify4');
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('ships the built app and its runtime resources only', () => {
    expect(included).toEqual(
      expect.arrayContaining(['out/**/*', 'resources/icons/**/*', 'resources/sounds/**/*', 'package.json']),
    );
    for (const pattern of included) {
      expect(pattern).toMatch(/^(out\/|resources\/(icons|sounds|calendars)\/|package\.json$)/);
      expect(pattern).not.toMatch(/test|bench|renderer\/src|server\/|shared\//);
    }
    expect(config.files).toContain('!**/*.map');
  });

  it("writes the generic provider's latest*.yml beside the artefacts (the feed `--updates DIR` serves)", () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/\/updates\/$/) }]);
  });

  it('the npm scripts build before packaging', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --publish never');
  });
});
