import { describe, expect, it } from 'vitest';
import { dayNumber } from '#shared/sla/civilDate.ts';
import { decodeArchiveCursor, parseArchiveQuery } from '#shared/search/archiveQuery.ts';

// What GET /api/tickets/search accepts (docs/sync.md, "Archive"), each refusal with its code and
// the reason the desk shows.
const refusal = (params: Record<string, unknown>) => {
  const r = parseArchiveQuery(params);
  return r.ok ? 'accepted' : `${r.code}: ${r.reason}`;
};
const query = (params: Record<string, string>) => {
  const r = parseArchiveQuery(params);
  if (!r.ok) throw new Error(r.reason);
  return r.query;
};

describe('the archive query’s parameters', () => {
  it('are these ten, each once and as a string', () => {
    const all = {
      q: 'шлагбаум',
      clientId: 'c-1',
      siteId: 's_2',
      status: 'resolved',
      priority: 'standard,consultation',
      assigneeId: 'ag1',
      from: '2026-03-01',
      to: '2026-03-31',
      limit: '20',
      cursor: 'a.t-1',
    };
    expect(query(all)).toEqual({
      words: ['шлагбаум'],
      number: null,
      clientId: 'c-1',
      siteId: 's_2',
      statuses: ['resolved'],
      priorities: ['standard', 'consultation'],
      assigneeId: 'ag1',
      fromDay: dayNumber(2026, 3, 1),
      toDay: dayNumber(2026, 3, 31),
      limit: 20,
      cursor: { createdAt: 10, id: 't-1' },
    });
    expect(refusal({ sort: 'asc' })).toBe(
      'unknown_parameter: Неизвестный параметр «sort». Есть: q, clientId, siteId, status, priority, assigneeId, from, to, limit, cursor.',
    );
    expect(refusal({ ['x'.repeat(50)]: '1' })).toBe(
      `unknown_parameter: Неизвестный параметр «${'x'.repeat(40)}». Есть: q, clientId, siteId, status, priority, assigneeId, from, to, limit, cursor.`,
    );
    expect(refusal({ q: ['a', 'b'] })).toBe('invalid_parameter: Параметр q задаётся один раз, строкой.');
  });

  it('leave out what is empty', () => {
    expect(query({})).toEqual(query({ clientId: '', siteId: '', assigneeId: '' }));
    const empty = {
      q: '  ',
      clientId: '',
      siteId: '',
      status: '',
      priority: '',
      assigneeId: '',
      from: '',
      to: '',
      limit: '',
      cursor: '',
    };
    expect(query(empty)).toEqual({
      words: [],
      number: null,
      clientId: null,
      siteId: null,
      statuses: [],
      priorities: [],
      assigneeId: null,
      fromDay: null,
      toDay: null,
      limit: 50,
      cursor: null,
    });
  });
});

describe('the query text', () => {
  it('is at most 200 characters once trimmed', () => {
    expect(query({ q: ` ${'а'.repeat(200)} ` }).words).toEqual(['а'.repeat(200)]);
    expect(refusal({ q: 'а'.repeat(201) })).toBe('invalid_query: Поисковый запрос длиннее 200 символов.');
  });

  it('holds letters, digits, spaces, dashes and the signs of a sentence, and nothing like SQL', () => {
    expect(query({ q: 'Ёлка-2 – «дом» — (въезд): №5, ул. Ленина/7! a@b.ru +7 #3 "x"?' }).words).toEqual([
      'ёлка',
      '2',
      'дом',
      'въезд',
      '5',
      'ул',
      'ленина',
      '7',
      'a',
      'b',
      'ru',
      '7',
      '3',
      'x',
    ]);
    for (const q of ["it's", 'a;b', 'a=b', 'a*b', 'a%', 'a_b', 'a<b', '[a]', 'a\\b']) {
      expect(refusal({ q })).toBe(
        'invalid_query: В поисковом запросе допустимы буквы, цифры, пробелы, тире и знаки . , : ! ? « » " ( ) / № # @ +; кавычки-апострофы, «;», «=» и подобные — нет.',
      );
    }
  });

  it('names a ticket when it is a year and up to six digits, padded to six', () => {
    expect(query({ q: '2026-000123' }).number).toBe('2026-000123');
    expect(query({ q: ' 2026-7 ' }).number).toBe('2026-000007');
    expect(query({ q: '2026-000123' }).words).toEqual(['2026', '000123']);
    for (const q of ['2026-1234567', '26-123', '2026-', 'номер 2026-123', '2026-123 шлагбаум', '2026–123']) {
      expect(query({ q }).number).toBeNull();
    }
  });
});

describe('the filters', () => {
  it('take ids of letters, digits, «-» and «_», up to 40 characters', () => {
    expect(query({ clientId: 'a'.repeat(40) }).clientId).toBe('a'.repeat(40));
    for (const name of ['clientId', 'siteId', 'assigneeId']) {
      for (const bad of ['a'.repeat(41), 'a b', 'a.b', "a'"]) {
        expect(refusal({ [name]: bad })).toBe(
          `invalid_parameter: Параметр ${name}: идентификатор из букв, цифр, «-» и «_», до 40 символов.`,
        );
      }
    }
  });

  it('take statuses and priorities as comma lists of known values', () => {
    expect(query({ status: 'new,in_progress,closed' }).statuses).toEqual(['new', 'in_progress', 'closed']);
    expect(refusal({ status: 'new,,closed' })).toBe(
      'invalid_parameter: Параметр status: одно или несколько через запятую из new, in_progress, waiting_client, escalation_requested, escalated, resolved, closed.',
    );
    expect(refusal({ status: 'New' })).toMatch(/^invalid_parameter: Параметр status:/);
    expect(refusal({ priority: 'emergency, standard' })).toBe(
      'invalid_parameter: Параметр priority: одно или несколько через запятую из emergency, standard, consultation.',
    );
  });

  it('take a creation range of real days, both inclusive, not ending before it starts', () => {
    expect(query({ from: '2026-02-28', to: '2026-02-28' })).toMatchObject({
      fromDay: dayNumber(2026, 2, 28),
      toDay: dayNumber(2026, 2, 28),
    });
    expect(query({ from: '2026-03-01' })).toMatchObject({ fromDay: dayNumber(2026, 3, 1), toDay: null });
    expect(query({ to: '2026-03-01' })).toMatchObject({ fromDay: null, toDay: dayNumber(2026, 3, 1) });
    expect(refusal({ from: '2026-03-02', to: '2026-03-01' })).toBe('invalid_parameter: Параметр from позже параметра to.');
    expect(refusal({ from: '2026-02-29' })).toBe(
      'invalid_parameter: Параметр from: дата в виде ГГГГ-ММ-ДД, например 2026-03-10.',
    );
    expect(refusal({ to: '10.03.2026' })).toBe('invalid_parameter: Параметр to: дата в виде ГГГГ-ММ-ДД, например 2026-03-10.');
  });
});

describe('the page', () => {
  it('is 1 to 200 tickets, 50 unless told, written in digits alone', () => {
    expect([query({ limit: '1' }).limit, query({ limit: '200' }).limit, query({ limit: '007' }).limit]).toEqual([1, 200, 7]);
    for (const limit of ['0', '201', '-1', '2.5', '1e2', ' 5', '0x10']) {
      expect(refusal({ limit })).toBe('invalid_limit: Параметр limit: целое число от 1 до 200.');
    }
  });

  it('goes on from the cursor of the previous answer, refusing one it did not make', () => {
    expect(query({ cursor: 'zz.t_1' }).cursor).toEqual({ createdAt: 35 * 36 + 35, id: 't_1' });
    for (const cursor of ['x', 'a.', '.id', 'A.id', 'a.id.more', ' a.id', `a.${'i'.repeat(41)}`]) {
      expect(refusal({ cursor })).toBe(
        'invalid_cursor: Параметр cursor повреждён: передайте nextCursor из предыдущего ответа как есть.',
      );
    }
    expect(decodeArchiveCursor(`${'z'.repeat(12)}.id`)).toBeNull();
    expect(decodeArchiveCursor(`${'0'.repeat(11)}1.${'i'.repeat(40)}`)).toEqual({ createdAt: 1, id: 'i'.repeat(40) });
  });
});
