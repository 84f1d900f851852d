import { describe, expect, it } from 'vitest';
import {
  problemTerms,
  suggestRepeats,
  type RepeatCandidate,
  type RepeatDraft,
} from '../../../../shared/domain/repeatSuggestions.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 22, 12, 0);

function earlier(over: Partial<RepeatCandidate> = {}): RepeatCandidate {
  return {
    id: 't1',
    number: null,
    subject: 'Шлагбаум не открывается',
    description: '',
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
    subject: 'Шлагбаум не открывается',
    description: '',
    ...over,
  };
}

const suggest = (d: RepeatDraft, t: RepeatCandidate, minCoverage?: number) =>
  suggestRepeats(d, [t], minCoverage === undefined ? { now } : { now, minCoverage });

describe('the problem words of a text', () => {
  it('keeps words of three letters or more and drops filler words', () => {
    expect([...problemTerms('дом')]).toHaveLength(1);
    expect([...problemTerms('ок ой')]).toEqual([]);
    expect([...problemTerms('что это')]).toEqual([]);
  });
});

describe('whose earlier tickets are repeats', () => {
  it.each<[string, Partial<RepeatDraft>, Partial<RepeatCandidate>, boolean]>([
    ['the same client, named differently', {}, { organizationName: 'Северная УК' }, true],
    ['another client of the same name', {}, { clientId: 'org-2' }, false],
    [
      'the same name with other spaces and capitals',
      { clientId: null, organizationName: ' ук северная ' },
      { clientId: null, organizationName: 'УК Северная  ' },
      true,
    ],
    [
      'no organisation named on either side',
      { clientId: null, organizationName: '' },
      { clientId: null, organizationName: '', siteId: 'site-2' },
      false,
    ],
    ['created this very instant', {}, { createdAt: now }, true],
    [
      'another organisation known only by name',
      { clientId: null, organizationName: 'УК Южная' },
      { clientId: null, siteId: 'site-2' },
      false,
    ],
    [
      'a name of spaces against no name',
      { clientId: null, organizationName: '  ' },
      { clientId: null, organizationName: '', siteId: 'site-2' },
      false,
    ],
    ['one shared word of a two-word draft', { subject: 'Шлагбаум сломался' }, {}, false],
  ])('%s: suggested %s', (_what, d, t, suggested) => {
    expect(suggest(draft(d), earlier(t)).map((s) => s.ticketId)).toEqual(suggested ? ['t1'] : []);
  });

  it('a draft and a ticket without a site are not "the same site"', () => {
    const [s] = suggest(draft(), earlier({ siteId: null }));
    expect(s).toMatchObject({ sameSite: false, score: 1.29 });
  });
});

describe('how a repeat is scored', () => {
  // score = share of the draft's words found + 0.2 x share of the subject's words found
  //       + 0.15 for the same site + 0.1 x how recent (1 now, 0 at 30 days), to 3 decimals.
  it.each<[string, Partial<RepeatDraft>, Partial<RepeatCandidate>, number, string[]]>([
    ['the same words, 3 days ago: 1 + 0.2 + 0.09', {}, {}, 1.29, ['шлагбаум', 'открыва']],
    [
      'two of three words, one of two in the subject, same site, now: 0.667 + 0.1 + 0.15 + 0.1',
      { siteId: 'site-1', subject: 'Шлагбаум сломался', description: 'не открывается' },
      { createdAt: now },
      1.017,
      ['шлагбаум', 'открыва'],
    ],
    [
      'a draft with only a description earns no subject share: 1 + 0.09',
      { subject: '', description: 'Шлагбаум не открывается' },
      {},
      1.09,
      ['шлагбаум', 'открыва'],
    ],
  ])('%s', (_what, d, t, score, sharedTerms) => {
    expect(suggest(draft(d), earlier(t))).toEqual([{ ticketId: 't1', score, sameSite: d.siteId === 'site-1', sharedTerms }]);
  });

  it('two shared words are enough for a draft of three', () => {
    const d = draft({ subject: 'Шлагбаум сломался', description: 'не открывается' });
    expect(suggest(d, earlier())).toHaveLength(1);
  });

  it('a ticket holding exactly the required share of the draft words is a repeat', () => {
    const d = draft({ subject: 'Шлагбаум не открывается', description: 'камера въезд пульт' });
    expect(suggest(d, earlier(), 0.4)).toHaveLength(1);
    expect(suggest(d, earlier(), 0.41)).toHaveLength(0);
  });
});
