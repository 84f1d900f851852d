/**
 * One live pull stream (Server-Sent Events): `data: {documents, checkpoint}` whenever the
 * collection changes after the stream's start, a comment line every heartbeat so proxies and the
 * client see the connection alive. At each heartbeat the token is checked again, so a revoked or
 * expired session loses its stream within one heartbeat.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CollectionName } from '#shared/protocol.ts';
import { resolveSession } from '../auth/sessions.ts';
import { bearerToken } from '../auth/tokens.ts';
import { securityHeaders } from '../http/securityHeaders.ts';
import type { RouteContext } from './routeContext.ts';

/** A client that stops reading gets dropped (it reconnects and pulls what it missed). */
const maxBufferedBytes = 16 * 1024 * 1024;

export async function openPullStream(
  request: FastifyRequest,
  reply: FastifyReply,
  collection: CollectionName,
  ctx: RouteContext,
): Promise<void> {
  const token = bearerToken(request.headers.authorization)!;
  reply.hijack();
  const res = reply.raw;
  const headers: Record<string, string | string[]> = {};
  // CORS and other headers set by hooks so far: a hijacked reply does not write them by itself.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
  }

  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  /** Changes that arrive between the subscription and the response head are held, then sent. */
  let held: string[] | null = [];
  const close = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    unsubscribe?.();
    ctx.streams.delete(close);
    res.end();
  };
  ctx.streams.add(close);
  request.raw.on('close', close);
  res.on('error', close);

  // Subscribe before the client hears "connected": a client that pulls after that line (RESYNC)
  // and then relies on the stream must not miss a change committed in between.
  let unsub: () => void;
  try {
    unsub = await ctx.feed.subscribe(collection, {
      send(json) {
        if (closed) return;
        if (held) {
          held.push(json);
          return;
        }
        if (res.writableLength > maxBufferedBytes) {
          close();
          return;
        }
        res.write(`data: ${json}\n\n`);
      },
    });
  } catch (error) {
    request.log.error({ err: error, collection }, 'stream: subscribe failed');
    if (!closed && !res.headersSent) {
      res.writeHead(503, { ...headers, ...securityHeaders, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'stream_unavailable', message: 'Поток изменений сейчас недоступен, повторите позже.' }));
    }
    closed = true;
    ctx.streams.delete(close);
    return;
  }
  if (closed) {
    unsub();
    return;
  }
  unsubscribe = unsub;

  res.writeHead(200, {
    ...headers,
    ...securityHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  for (const json of held) res.write(`data: ${json}\n\n`);
  held = null;

  heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    resolveSession(ctx.database.db, token, Date.now(), ctx.sessionIdleMs).then(
      (agent) => {
        if (!agent) close();
      },
      () => {},
    );
  }, ctx.heartbeatMs);
  heartbeat.unref();
}
