/**
 * A provisional Russian production calendar from the Labour Code alone: the fixed holidays with
 * their names (art. 112 part 1), a weekend holiday's day off moved to the next working day but in
 * January (part 2), and the working day before a holiday an hour shorter (art. 95).
 */
import { describe, expect, it } from 'vitest';
import { provisionalRussianYear, ruHolidays } from '#shared/sla/ruProvisionalYear.ts';

const newYear = 'Новогодние каникулы';

describe('the fixed non-working holidays of a year', () => {
  it('are the Labour Code’s, each with its name', () => {
    expect(ruHolidays(2027)).toEqual([
      { date: '2027-01-01', name: newYear },
      { date: '2027-01-02', name: newYear },
      { date: '2027-01-03', name: newYear },
      { date: '2027-01-04', name: newYear },
      { date: '2027-01-05', name: newYear },
      { date: '2027-01-06', name: newYear },
      { date: '2027-01-07', name: 'Рождество Христово' },
      { date: '2027-01-08', name: newYear },
      { date: '2027-02-23', name: 'День защитника Отечества' },
      { date: '2027-03-08', name: 'Международный женский день' },
      { date: '2027-05-01', name: 'Праздник Весны и Труда' },
      { date: '2027-05-09', name: 'День Победы' },
      { date: '2027-06-12', name: 'День России' },
      { date: '2027-11-04', name: 'День народного единства' },
    ]);
  });
});

describe('a provisional year', () => {
  it('is the whole year’s data: provisional, its source the Labour Code, no working weekend day', () => {
    expect(provisionalRussianYear(2027)).toEqual({
      year: 2027,
      status: 'provisional',
      source: 'Трудовой кодекс РФ, ст. 112 и 95 (без постановления о переносе выходных дней)',
      holidays: ruHolidays(2027),
      // 2-3 January fall on a weekend but are left to the decree.
      transferredDaysOff: [
        { date: '2027-05-03', from: '2027-05-01' },
        { date: '2027-05-10', from: '2027-05-09' },
        { date: '2027-06-14', from: '2027-06-12' },
      ],
      workingWeekendDays: [],
      shortenedDays: ['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31'],
    });
  });

  it('moves a Saturday holiday’s day off over the Sunday to Monday, and a Sunday one’s to Monday', () => {
    expect(provisionalRussianYear(2030).transferredDaysOff).toEqual([{ date: '2030-02-25', from: '2030-02-23' }]);
    expect(provisionalRussianYear(2031).transferredDaysOff).toEqual([
      { date: '2031-02-24', from: '2031-02-23' },
      { date: '2031-03-10', from: '2031-03-08' },
    ]);
  });

  it('shortens no weekend day, no holiday and no day of the year before: only working eves, 31 December among them', () => {
    // 2028: 1 May is a Monday (its eve a Sunday), 31 December a Sunday; the January holidays'
    // eves are holidays themselves, 31 December 2027 is of the year before.
    expect(provisionalRussianYear(2028).shortenedDays).toEqual(['2028-02-22', '2028-03-07', '2028-05-08', '2028-11-03']);
    // 2031: 23 February is a Sunday, its eve a Saturday.
    expect(provisionalRussianYear(2031).shortenedDays).toEqual([
      '2031-03-07',
      '2031-04-30',
      '2031-05-08',
      '2031-06-11',
      '2031-11-03',
      '2031-12-31',
    ]);
  });
});
