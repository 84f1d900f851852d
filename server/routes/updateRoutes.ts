/**
 * GET /updates/<file>: the desktop app's update feed (electron-updater's generic provider) from
 * the folder given with `--updates DIR`, where electron-builder's artefacts are copied
 * (latest.yml, latest-linux.yml, latest-mac.yml, the installers and their .blockmap files).
 * Open without a token: the installers are public and the desk checks before anyone signs in.
 * Only plain file names of that folder are served: no sub-folders, no dot files, nothing outside.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/httpError.ts';

const contentTypes: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

const notFound = () => new HttpError(404, 'not_found', 'Такого файла обновления нет.');

/** A file name the feed may serve: one path segment, not hidden, no separators. */
export function isFeedFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

export function updateRoutes(app: FastifyInstance, updatesDir: string): void {
  const root = resolve(updatesDir);
  app.get('/updates/:file', async (request, reply) => {
    const name = (request.params as { file?: string }).file ?? '';
    if (!isFeedFileName(name)) throw notFound();
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw notFound();
    // The feed files change with each release; the artefacts are named by version.
    const type = contentTypes[extname(name).toLowerCase()] ?? 'application/octet-stream';
    return reply
      .type(type)
      .header('content-length', String(info.size))
      .header('cache-control', type.startsWith('text/yaml') ? 'no-cache' : 'public, max-age=3600')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(createReadStream(path));
  });
}
