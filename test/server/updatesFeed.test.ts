/**
 * The desktop update feed: `--updates DIR` serves electron-builder's artefacts at /updates/ in the
 * generic provider's layout, without a token; nothing but the folder's own plain files is served.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './support/testDatabase.ts';
import { startServerOn } from './support/testServer.ts';
import type { Database } from '../../server/db/openDatabase.ts';
import type { FastifyInstance } from 'fastify';

const latestYml = `version: 0.2.0
files:
  - url: PASS24-Support-Desk-0.2.0.AppImage
    sha512: c2hhNTEy
    size: 5
path: PASS24-Support-Desk-0.2.0.AppImage
sha512: c2hhNTEy
releaseDate: '2026-12-01T09:00:00.000Z'
`;

describe('the update feed', () => {
  let database: Database;
  let app: FastifyInstance;
  let url: string;
  let without: { app: FastifyInstance; url: string };
  const root = mkdtempSync(join(tmpdir(), 'pass24-updates-'));
  const feed = join(root, 'feed');

  beforeAll(async () => {
    mkdirSync(feed);
    writeFileSync(join(feed, 'latest-linux.yml'), latestYml);
    writeFileSync(join(feed, 'PASS24 Support Desk Setup 0.2.0.exe'), 'MZexe');
    writeFileSync(join(feed, '.secret'), 'hidden');
    mkdirSync(join(feed, 'old'));
    writeFileSync(join(root, 'outside.yml'), 'outside');
    database = await openTestDatabase('pglite');
    ({ app, url } = await startServerOn(database, { updatesDir: feed }));
    without = await startServerOn(database);
  });
  afterAll(async () => {
    await app.close();
    await without.app.close();
    await database.close();
  });

  it('serves the feed file as YAML without a token, never cached stale', async () => {
    const res = await fetch(`${url}/updates/latest-linux.yml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(latestYml);
  });

  it('serves an installer whose name has spaces, as bytes with its length', async () => {
    const res = await fetch(`${url}/updates/${encodeURIComponent('PASS24 Support Desk Setup 0.2.0.exe')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-length')).toBe('5');
    expect(await res.text()).toBe('MZexe');
  });

  it.each([
    ['a file that is not there', '/updates/latest-mac.yml'],
    ['a dot file', '/updates/.secret'],
    ['a folder', '/updates/old'],
    ['a file outside the folder', `/updates/${encodeURIComponent('../outside.yml')}`],
    ['a path with a separator', `/updates/${encodeURIComponent('old/../../outside.yml')}`],
  ])('answers 404 for %s', async (_what, path) => {
    const res = await fetch(`${url}${path}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside');
  });

  it('has no /updates/ at all without --updates', async () => {
    expect((await fetch(`${without.url}/updates/latest-linux.yml`)).status).toBe(404);
  });
});
