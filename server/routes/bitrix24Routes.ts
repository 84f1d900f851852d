/**
 * POST /api/channels/bitrix24/:channelId/events: the portal's outgoing webhook (form-encoded, as
 * Bitrix24 sends it: `event`, `data[FIELDS][ID]`, `auth[application_token]`…). The application
 * token is compared with the one kept with the channel: a wrong or missing token is refused (403,
 * 401) with a log line and nothing is read or filed. A new CRM activity becomes a ticket
 * (server/channels/bitrix24/crmActivityTicket.ts); other events are acknowledged and passed over.
 * A portal that cannot be read is answered 202: the connector's catch-up files the activity.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { decodeBitrix24Secret } from '../channels/bitrix24/bitrix24Secret.ts';
import { describeBitrix24Error } from '../channels/bitrix24/bitrix24Connector.ts';
import { keepActivityForCatchUp } from '../channels/bitrix24/activityCatchUp.ts';
import { ticketFromActivity } from '../channels/bitrix24/crmActivityTicket.ts';
import { Bitrix24Rest } from '../channels/bitrix24/restClient.ts';
import { enabledChannels } from '../channels/channelStore.ts';
import type { Bitrix24ChannelConfig } from '../channels/channelTypes.ts';
import { HttpError } from '../http/httpError.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bitrix24Routes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  void app.register(async (scope) => {
    // Bitrix24 posts its events as a form; this scope alone reads forms (flat keys, as sent).
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.post<{ Params: { channelId: string }; Body: Record<string, unknown> }>(
      '/api/channels/bitrix24/:channelId/events',
      { bodyLimit: bodyLimits.small },
      async (request, reply) => {
        const { channelId } = request.params;
        const channel = (await enabledChannels(db)).find(
          (c): c is Bitrix24ChannelConfig => c.id === channelId && c.kind === 'bitrix24',
        );
        if (!channel) throw new HttpError(404, 'unknown_channel', 'Такого включённого канала Битрикс24 нет.');
        const body = request.body && typeof request.body === 'object' ? request.body : {};
        const field = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
        const given = field('auth[application_token]');
        const secret = decodeBitrix24Secret(channel.secret);
        if (!given || !secret.applicationToken) {
          request.log.warn(
            { channel: channel.id, remoteAddress: request.ip, configured: Boolean(secret.applicationToken) },
            'bitrix24: an outgoing webhook call without an application token refused, nothing filed',
          );
          throw new HttpError(
            401,
            'no_application_token',
            'Нужен токен приложения исходящего вебхука (auth[application_token]).',
          );
        }
        if (!sameToken(given, secret.applicationToken)) {
          request.log.warn(
            { channel: channel.id, remoteAddress: request.ip },
            'bitrix24: an outgoing webhook call with a wrong application token refused, nothing filed',
          );
          throw new HttpError(
            403,
            'wrong_application_token',
            'Токен приложения не совпадает с токеном исходящего вебхука канала.',
          );
        }
        const event = field('event').toUpperCase();
        const activityId = field('data[FIELDS][ID]');
        if (event !== 'ONCRMACTIVITYADD' || !/^\d+$/.test(activityId)) {
          request.log.info({ channel: channel.id, event }, 'bitrix24: an event that opens no ticket, passed over');
          return reply.status(200).send({ ok: true, filed: false });
        }
        const rest = new Bitrix24Rest(decodeBitrix24Secret(channel.secret).webhook, {
          callIntervalMs: channel.settings.callIntervalMs,
          onLimited: (method, waitMs) =>
            request.log.warn({ channel: channel.id, method, waitMs }, 'bitrix24: the portal asked to slow down, waiting'),
        });
        try {
          const outcome = await ticketFromActivity(rest, db, channel, activityId, request.log);
          if (outcome.kind === 'passed') {
            request.log.info(
              { channel: channel.id, activity: activityId, reason: outcome.reason },
              'bitrix24: activity passed over',
            );
            return reply.status(200).send({ ok: true, filed: false });
          }
          request.log.info(
            {
              channel: channel.id,
              activity: activityId,
              ticketId: outcome.ticket.id,
              created: outcome.ticket.created,
              company: outcome.companyId,
            },
            'bitrix24: ticket from a CRM activity',
          );
          return reply.status(outcome.ticket.created ? 201 : 200).send({ ok: true, filed: true, ...outcome.ticket });
        } catch (error) {
          // Not lost: the connector's next round reads the activities after its cursor and files this one.
          const detail = describeBitrix24Error(error, secret.webhook);
          await keepActivityForCatchUp(db, channel.id, activityId);
          request.log.warn(
            { channel: channel.id, activity: activityId, reason: detail },
            'bitrix24: reading the activity failed; the catch-up files it with the next round',
          );
          return reply.status(202).send({ ok: true, filed: false, pending: true, reason: detail });
        }
      },
    );
  });
}
