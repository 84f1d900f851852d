/**
 * A local stand-in for a Bitrix24 portal's REST API, speaking its documented protocol: methods at
 * `/rest/<user>/<code>/<method>.json` (JSON or form parameters), answers `{result, next, total,
 * time}` with lists in pages of 50 (`start` = the previous `next`), `batch` with `cmd[key] =
 * 'method?query'` and `halt`, answering `{result: {result, result_error, result_total,
 * result_next, result_time}}` (PHP's empty list `[]` where there is nothing), and the error
 * answers `{error, error_description}`: QUERY_LIMIT_EXCEEDED (503), expired_token and
 * NO_AUTH_FOUND (401). It plays the portal's outgoing webhook too (a form POST with
 * `auth[application_token]`). The test plays the CRM's users: it adds companies, contacts,
 * requisites and activities, and reads the timeline comments. `crm.activity.list` takes the
 * `>ID` filter and `order[ID]` ASC or DESC.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Row = Record<string, unknown>;

export interface StandInCompany {
  id: string;
  title: string;
  inn: string;
  city: string;
  modifiedAt: number;
}

export interface StandInContact {
  id: string;
  companyId: string;
  name: string;
  lastName: string;
  post: string;
  phone: string;
  email: string;
  modifiedAt: number;
}

export interface TimelineComment {
  id: number;
  ENTITY_ID: string;
  ENTITY_TYPE: string;
  COMMENT: string;
}

export interface Bitrix24StandIn {
  /** The incoming webhook's address (the channel's secret). */
  webhook: string;
  /** The portal's address (links to cards). */
  portal: string;
  applicationToken: string;
  /** Every method called, batch's inner calls as `batch:<method>`. */
  calls: string[];
  comments: TimelineComment[];
  addCompany(input: {
    title: string;
    inn?: string;
    city?: string;
    contacts?: Array<Partial<Omit<StandInContact, 'id' | 'companyId'>>>;
  }): string;
  updateCompany(id: string, patch: Partial<Pick<StandInCompany, 'title' | 'inn' | 'city'>>): void;
  addContact(companyId: string, contact: Partial<Omit<StandInContact, 'id' | 'companyId'>>): string;
  addActivity(input: {
    ownerTypeId: 3 | 4;
    ownerId: string;
    subject: string;
    description: string;
    providerId?: string;
    email?: string;
  }): string;
  /** The newest activity's id ('' before any). */
  lastActivityId(): string;
  /** The next `times` calls (a batch counts once) answer 503 QUERY_LIMIT_EXCEEDED. */
  throttle(times: number): void;
  /** From now on every call answers 401 expired_token (`false` restores the webhook). */
  expire(expired?: boolean): void;
  /** The outgoing webhook's call for a new activity, as the portal sends it: returns the answer's status. */
  postActivityEvent(endpoint: string, activityId: string, token?: string): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** Bitrix24's instants: seconds, with the portal's offset (Moscow). */
function portalTime(ms: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + 3 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+03:00`;
}

/** PHP's reading of a query string: `filter[ID][0]=5` → {filter: {ID: ['5']}}. */
export function parsePhpQuery(query: string): Row {
  const root: Row = {};
  for (const [rawKey, value] of new URLSearchParams(query)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node = root;
    path.forEach((part, i) => {
      const key = part === '' ? String(Object.keys(node).length) : part;
      if (i === path.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Row;
    });
  }
  const lists = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value as Row).map(([k, v]) => [k, lists(v)] as const);
    return entries.length > 0 && entries.every(([k], i) => k === String(i))
      ? entries.map(([, v]) => v)
      : Object.fromEntries(entries);
  };
  return lists(root) as Row;
}

class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly description: string;
  constructor(status: number, code: string, description: string) {
    super(code);
    this.status = status;
    this.code = code;
    this.description = description;
  }
}

const timeOf = (start: number) => ({
  start: start / 1000,
  finish: Date.now() / 1000,
  duration: (Date.now() - start) / 1000,
  processing: (Date.now() - start) / 1000,
  date_start: portalTime(start),
  date_finish: portalTime(Date.now()),
});

export async function startBitrix24StandIn(options: { pageSize?: number } = {}): Promise<Bitrix24StandIn> {
  const pageSize = options.pageSize ?? 50;
  const userId = '1';
  const code = 'standin0webhook0code';
  const applicationToken = 'standin-application-token-0123456789';
  const companies = new Map<string, StandInCompany>();
  const contacts = new Map<string, StandInContact>();
  const activities = new Map<string, Row>();
  const calls: string[] = [];
  const comments: TimelineComment[] = [];
  let nextId = 1;
  let throttled = 0;
  let expired = false;

  const companyRow = (c: StandInCompany): Row => ({
    ID: c.id,
    TITLE: c.title,
    DATE_MODIFY: portalTime(c.modifiedAt),
    ADDRESS: c.city ? `${c.city}, ул. Ленина, 1` : null,
    ADDRESS_CITY: c.city || null,
  });
  const contactRow = (c: StandInContact): Row => ({
    ID: c.id,
    NAME: c.name,
    SECOND_NAME: '',
    LAST_NAME: c.lastName,
    POST: c.post,
    COMPANY_ID: c.companyId,
    DATE_MODIFY: portalTime(c.modifiedAt),
    PHONE: c.phone ? [{ ID: `p${c.id}`, VALUE_TYPE: 'WORK', VALUE: c.phone, TYPE_ID: 'PHONE' }] : undefined,
    EMAIL: c.email ? [{ ID: `e${c.id}`, VALUE_TYPE: 'WORK', VALUE: c.email, TYPE_ID: 'EMAIL' }] : undefined,
  });

  const select = (row: Row, fields: unknown): Row => {
    if (!Array.isArray(fields) || fields.length === 0 || fields.includes('*')) return row;
    return Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f as string]]));
  };
  /** The filter keys the desk uses: equality (a list is "one of"), `>=DATE_MODIFY`, `>ID`. */
  const matches = (row: Row, filter: unknown): boolean => {
    for (const [key, want] of Object.entries((filter ?? {}) as Row)) {
      if (key === '>ID') {
        if (!(Number(row.ID) > Number(want))) return false;
      } else if (key.startsWith('>=')) {
        const field = key.slice(2);
        if (Date.parse(String(row[field])) < Date.parse(String(want))) return false;
      } else if (Array.isArray(want)) {
        if (!want.map(String).includes(String(row[key]))) return false;
      } else if (String(row[key]) !== String(want)) return false;
    }
    return true;
  };
  const list = (rows: Row[], params: Row) => {
    // By ID, ascending unless `order[ID]` says DESC.
    const descending = String(((params.order ?? {}) as Row).ID ?? 'ASC').toUpperCase() === 'DESC';
    const filtered = rows
      .filter((r) => matches(r, params.filter))
      .sort((a, b) => (descending ? -1 : 1) * (Number(a.ID) - Number(b.ID)));
    const start = Number(params.start ?? 0) || 0;
    const page = filtered.slice(start, start + pageSize).map((r) => select(r, params.select));
    return { result: page, total: filtered.length, ...(start + pageSize < filtered.length ? { next: start + pageSize } : {}) };
  };

  const methods: Record<string, (params: Row) => { result: unknown; next?: number; total?: number }> = {
    'crm.company.list': (p) => list([...companies.values()].map(companyRow), p),
    'crm.company.get': (p) => {
      const c = companies.get(String(p.id ?? p.ID));
      if (!c) throw new ApiError(400, 'NOT_FOUND', 'Not found');
      return { result: companyRow(c) };
    },
    'crm.contact.list': (p) => list([...contacts.values()].map(contactRow), p),
    'crm.contact.get': (p) => {
      const c = contacts.get(String(p.id ?? p.ID));
      if (!c) throw new ApiError(400, 'NOT_FOUND', 'Not found');
      return { result: contactRow(c) };
    },
    'crm.requisite.list': (p) =>
      list(
        [...companies.values()]
          .filter((c) => c.inn)
          .map((c) => ({
            ID: `r${c.id}`,
            ENTITY_TYPE_ID: '4',
            ENTITY_ID: c.id,
            PRESET_ID: '1',
            NAME: 'Организация',
            RQ_INN: c.inn,
          })),
        p,
      ),
    // COMMUNICATIONS only when selected by name, as the portal answers it.
    'crm.activity.list': (p) =>
      list(
        [...activities.values()].map((a) =>
          Array.isArray(p.select) && p.select.includes('COMMUNICATIONS') ? a : { ...a, COMMUNICATIONS: undefined },
        ),
        p,
      ),
    'crm.activity.get': (p) => {
      const a = activities.get(String(p.id ?? p.ID));
      if (!a) throw new ApiError(400, 'NOT_FOUND', 'Not found');
      return { result: a };
    },
    'crm.timeline.comment.add': (p) => {
      const fields = (p.fields ?? {}) as Row;
      if (!fields.ENTITY_ID || !fields.ENTITY_TYPE)
        throw new ApiError(400, 'ERROR_CORE', 'ENTITY_ID and ENTITY_TYPE are required');
      if (fields.ENTITY_TYPE === 'company' && !companies.has(String(fields.ENTITY_ID)))
        throw new ApiError(400, 'NOT_FOUND', 'Element not found');
      const comment = {
        id: nextId++,
        ENTITY_ID: String(fields.ENTITY_ID),
        ENTITY_TYPE: String(fields.ENTITY_TYPE),
        COMMENT: String(fields.COMMENT ?? ''),
      };
      comments.push(comment);
      return { result: comment.id };
    },
  };

  const batch = (params: Row) => {
    const result: Row = {};
    const errors: Row = {};
    const totals: Row = {};
    const nexts: Row = {};
    const times: Row = {};
    const halt = String(params.halt ?? '0') === '1' || params.halt === true;
    for (const [key, command] of Object.entries((params.cmd ?? {}) as Row)) {
      const [method = '', query = ''] = String(command).split('?', 2);
      calls.push(`batch:${method}`);
      const started = Date.now();
      try {
        const run = methods[method];
        if (!run) throw new ApiError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
        const answer = run(parsePhpQuery(query));
        result[key] = answer.result;
        if (answer.total !== undefined) totals[key] = answer.total;
        if (answer.next !== undefined) nexts[key] = answer.next;
        times[key] = timeOf(started);
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        errors[key] = { error: e.code, error_description: e.description };
        if (halt) break;
      }
    }
    // PHP encodes an empty array as [] whatever it stands for.
    const php = (o: Row) => (Object.keys(o).length === 0 ? [] : o);
    return {
      result: {
        result: php(result),
        result_error: php(errors),
        result_total: php(totals),
        result_next: php(nexts),
        result_time: php(times),
      },
    };
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const started = Date.now();
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const match = /^\/rest\/([^/]+)\/([^/]+)\/([\w.]+?)(?:\.json)?$/.exec(url.pathname);
      if (!match) return answer(res, 404, { error: 'NOT_FOUND', error_description: 'Not found' });
      const [, user, given, method] = match as unknown as [string, string, string, string];
      const text = await readBody(req);
      const params: Row = {
        ...parsePhpQuery(url.search.slice(1)),
        ...(text ? ((req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(text) as Row) : parsePhpQuery(text)) : {}),
      };
      calls.push(method);
      if (user !== userId || given !== code)
        return answer(res, 401, { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' });
      if (expired)
        return answer(res, 401, { error: 'expired_token', error_description: 'The access token provided has expired.' });
      if (throttled > 0) {
        throttled--;
        return answer(res, 503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
      }
      try {
        const result = method === 'batch' ? batch(params) : methods[method]?.(params);
        if (!result) return answer(res, 404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
        answer(res, 200, { ...result, time: timeOf(started) });
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        answer(res, e.status, { error: e.code, error_description: e.description });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const portal = `http://127.0.0.1:${port}`;

  const addContact: Bitrix24StandIn['addContact'] = (companyId, c) => {
    const id = String(nextId++);
    contacts.set(id, {
      id,
      companyId,
      name: c.name ?? '',
      lastName: c.lastName ?? '',
      post: c.post ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
      modifiedAt: Date.now(),
    });
    return id;
  };

  return {
    webhook: `${portal}/rest/${userId}/${code}/`,
    portal,
    applicationToken,
    calls,
    comments,
    addCompany(input) {
      const id = String(nextId++);
      companies.set(id, { id, title: input.title, inn: input.inn ?? '', city: input.city ?? '', modifiedAt: Date.now() });
      for (const c of input.contacts ?? []) addContact(id, c);
      return id;
    },
    updateCompany(id, patch) {
      const c = companies.get(id);
      if (!c) throw new Error(`no company ${id}`);
      Object.assign(c, patch, { modifiedAt: Date.now() });
    },
    addContact,
    addActivity(input) {
      const id = String(nextId++);
      activities.set(id, {
        ID: id,
        OWNER_TYPE_ID: String(input.ownerTypeId),
        OWNER_ID: input.ownerId,
        TYPE_ID: '6',
        PROVIDER_ID: input.providerId ?? 'CRM_WEBFORM',
        PROVIDER_TYPE_ID: 'WEBFORM',
        SUBJECT: input.subject,
        DESCRIPTION: input.description,
        DESCRIPTION_TYPE: '1',
        DIRECTION: '1',
        COMMUNICATIONS: input.email
          ? [{ TYPE: 'EMAIL', VALUE: input.email, ENTITY_TYPE_ID: String(input.ownerTypeId), ENTITY_ID: input.ownerId }]
          : [],
      });
      return id;
    },
    lastActivityId: () => [...activities.keys()].at(-1) ?? '',
    throttle(times) {
      throttled = times;
    },
    expire(value = true) {
      expired = value;
    },
    async postActivityEvent(endpoint, activityId, token = applicationToken) {
      const form = new URLSearchParams({
        event: 'ONCRMACTIVITYADD',
        event_handler_id: '7',
        'data[FIELDS][ID]': activityId,
        ts: String(Math.floor(Date.now() / 1000)),
        'auth[domain]': `127.0.0.1:${port}`,
        'auth[client_endpoint]': `${portal}/rest/`,
        'auth[server_endpoint]': 'https://oauth.bitrix.info/rest/',
        'auth[member_id]': 'standin0member0id',
        'auth[application_token]': token,
      });
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      return { status: response.status, body: await response.text() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
