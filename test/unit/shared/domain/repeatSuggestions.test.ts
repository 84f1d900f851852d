import { describe, expect, it } from 'vitest';
import {
  repeatWindowMs,
  suggestRepeats,
  type RepeatCandidate,
  type RepeatDraft,
} from '../../../../shared/domain/repeatSuggestions.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 22, 12, 0);

function earlier(over: Partial<RepeatCandidate> & { id: string }): RepeatCandidate {
  return {
    number: null,
    subject: 'Шлагбаум не открывается по номеру',
    description: 'Камера на въезде не распознаёт номера жителей',
    clientId: 'org-1',
    siteId: 'site-1',
    organizationName: 'УК Северная',
    siteName: 'ЖК Северный',
    status: 'closed',
    createdAt: now - 3 * DAY,
    ...over,
  };
}

function draft(over: Partial<RepeatDraft> = {}): RepeatDraft {
  return {
    clientId: 'org-1',
    siteId: null,
    organizationName: 'УК Северная',
    subject: 'Опять не открывается шлагбаум',
    description: '',
    ...over,
  };
}

const ids = (d: RepeatDraft, list: RepeatCandidate[]) => suggestRepeats(d, list, { now }).map((s) => s.ticketId);

describe('suggestRepeats', () => {
  it.each<[string, boolean, Partial<RepeatCandidate>]>([
    ['same organisation, similar text, 3 days ago', true, {}],
    ['another word form of the same words ("шлагбаума не открываются")', true, { subject: 'Не открываются шлагбаума' }],
    ['another organisation', false, { clientId: 'org-2', organizationName: 'УК Южная', siteId: 'site-9' }],
    ['31 days ago', false, { createdAt: now - 31 * DAY }],
    ['exactly 30 days ago', true, { createdAt: now - repeatWindowMs }],
    ['created after "now" (clock skew)', false, { createdAt: now + DAY }],
    ['unrelated text', false, { subject: 'Как добавить гостевой пропуск', description: 'Вопрос по мобильному приложению' }],
    ['same organisation known only by name (intake API ticket)', true, { clientId: null, organizationName: 'ук северная' }],
  ])('%s -> suggested: %s', (_name, suggested, over) => {
    expect(ids(draft(), [earlier({ id: 't1', ...over })])).toEqual(suggested ? ['t1'] : []);
  });

  it('matches by site even when the organisation is not filled in', () => {
    const d = draft({ clientId: null, organizationName: '', siteId: 'site-1' });
    expect(ids(d, [earlier({ id: 't1' })])).toEqual(['t1']);
  });

  it('suggests nothing before the manager has typed a problem word', () => {
    expect(ids(draft({ subject: 'не', description: '' }), [earlier({ id: 't1' })])).toEqual([]);
  });

  it('needs two shared words once the draft has several', () => {
    const d = draft({ subject: 'Турникет не пропускает, шлагбаум в порядке', description: 'Сотрудники стоят на входе' });
    expect(ids(d, [earlier({ id: 't1' })])).toEqual([]);
  });

  it('puts the same site and the closer text first', () => {
    const list = [
      earlier({ id: 'other-site', siteId: 'site-2', subject: 'Шлагбаум не открывается', description: '' }),
      earlier({ id: 'same-site', siteId: 'site-1', subject: 'Шлагбаум не открывается', description: '' }),
      earlier({
        id: 'weaker',
        siteId: 'site-2',
        subject: 'Шлагбаум открывается с задержкой, камера',
        description: 'Долго думает',
      }),
    ];
    const d = draft({ siteId: 'site-1', subject: 'Шлагбаум не открывается', description: '' });
    const result = suggestRepeats(d, list, { now });
    expect(result.map((s) => s.ticketId)).toEqual(['same-site', 'other-site', 'weaker']);
    expect(result[0]).toMatchObject({ sameSite: true, sharedTerms: ['шлагбаум', 'открыва'] });
  });

  it('prefers the more recent of two equal matches', () => {
    const list = [earlier({ id: 'old', createdAt: now - 20 * DAY }), earlier({ id: 'recent', createdAt: now - DAY })];
    expect(ids(draft(), list)).toEqual(['recent', 'old']);
  });

  it('returns at most `limit` suggestions', () => {
    const list = Array.from({ length: 8 }, (_, i) => earlier({ id: `t${i}` }));
    expect(suggestRepeats(draft(), list, { now, limit: 3 })).toHaveLength(3);
  });
});
