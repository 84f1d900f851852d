/**
 * Every failure becomes an ApiError body with a Russian sentence; clients never see a stack
 * trace. Framework errors (bad JSON, body too large, wrong content type) keep their 4xx status.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '#shared/protocol.ts';
import { DomainError, type RefusalKind } from '../domainErrors.ts';
import { HttpError } from './httpError.ts';

const frameworkMessages: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'Тело запроса — не корректный JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'Тело запроса пустое, а заявлен тип application/json.'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['body_too_large', 'Тело запроса слишком большое.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Неподдерживаемый тип содержимого: ожидается application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid_content_length', 'Заголовок Content-Length не совпадает с длиной тела.'],
  FST_ERR_VALIDATION: ['invalid_request', 'Запрос не прошёл проверку.'],
};

const refusalStatus: Record<RefusalKind, number> = { invalid: 400, forbidden: 403 };

export function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}

export function handleError(
  error: FastifyError | HttpError | DomainError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof DomainError) {
    void reply.status(refusalStatus[error.kind]).send(apiError(error.code, error.message));
    return;
  }
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    void reply.status(error.statusCode).send(apiError(error.code, error.message));
    return;
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? frameworkMessages[fastifyError.code] : undefined;
  const status = fastifyError.statusCode ?? 500;
  if (known || (status >= 400 && status < 500)) {
    const [code, message] = known ?? ['bad_request', 'Некорректный запрос.'];
    void reply.status(status).send(apiError(code, message));
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply
    .status(500)
    .send(
      apiError(
        'internal',
        'Внутренняя ошибка сервера. Повторите попытку позже; если ошибка повторяется, сообщите администратору.',
      ),
    );
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send(apiError('not_found', `Маршрут ${request.method} ${request.url.split('?')[0]} не найден.`));
}
