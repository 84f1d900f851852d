import { isCollectionName, type CollectionName } from '#shared/protocol.ts';
import { HttpError } from '../http/httpError.ts';

export function collectionParam(params: unknown): CollectionName {
  const name = (params as { collection?: string }).collection ?? '';
  if (!isCollectionName(name)) {
    throw new HttpError(
      404,
      'unknown_collection',
      `Неизвестная коллекция «${name.slice(0, 40)}». Есть: tickets, events, kb, templates, clients, agents, config.`,
    );
  }
  return name;
}
