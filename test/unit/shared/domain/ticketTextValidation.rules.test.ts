/** The limits of a ticket's text fields, at their edges: one character under, at and over. */
import { describe, expect, it } from 'vitest';
import { ticketLimits } from '#shared/domain/ticketFactory.ts';
import { validateTicketText, type TicketText, type TicketTextErrors } from '#shared/domain/ticketTextValidation.ts';

const valid: TicketText = {
  subject: 'Шлагбаум не открывается',
  description: 'С утра не реагирует на номера',
  contact: { name: 'Сергей', phone: '+7 (900) 000-00-00', email: 'sergey@example.ru', messenger: '@sergey' },
};
const withContact = (contact: Partial<TicketText['contact']>): TicketText => ({
  ...valid,
  contact: { ...valid.contact, ...contact },
});
const tooLong = (max: number) => ({ key: 'intake.error.fieldTooLong', values: { max } });
/** A phone of `length` characters with plenty of digits. */
const phoneOf = (length: number) => '+7' + '9'.repeat(length - 2);
/** An address of `length` characters. */
const emailOf = (length: number) => 'a'.repeat(length - 'x@example.ru'.length + 1) + '@example.ru';

describe('the limits of a ticket text', () => {
  it.each<[string, TicketText, TicketTextErrors]>([
    ['a subject at its limit', { ...valid, subject: 'а'.repeat(ticketLimits.subject) }, {}],
    ['a subject at its limit with spaces around', { ...valid, subject: ` ${'а'.repeat(ticketLimits.subject)} ` }, {}],
    ['a description at its limit', { ...valid, description: 'б'.repeat(ticketLimits.description) }, {}],
    [
      'a description at its limit with spaces around',
      { ...valid, description: ` ${'б'.repeat(ticketLimits.description)}\n` },
      {},
    ],
    [
      'a description over its limit',
      { ...valid, description: 'б'.repeat(ticketLimits.description + 1) },
      { description: { key: 'intake.error.descriptionTooLong', values: { max: ticketLimits.description } } },
    ],
    ['a name at its limit with spaces around', withContact({ name: ` ${'в'.repeat(ticketLimits.name)} ` }), {}],
    ['a phone at its limit', withContact({ phone: phoneOf(ticketLimits.phone) }), {}],
    ['a phone at its limit with spaces around', withContact({ phone: ` ${phoneOf(ticketLimits.phone)} ` }), {}],
    ['a phone over its limit', withContact({ phone: phoneOf(ticketLimits.phone + 1) }), { phone: tooLong(ticketLimits.phone) }],
    ['a phone of five digits', withContact({ phone: '12345' }), {}],
    ['a phone of four digits', withContact({ phone: '1-2-3-4' }), { phone: { key: 'intake.error.phone' } }],
    [
      'a phone with a letter after the digits',
      withContact({ phone: '+7 900 000 00 00 x' }),
      { phone: { key: 'intake.error.phone' } },
    ],
    [
      'a phone with a letter before the digits',
      withContact({ phone: 'x +7 900 000 00 00' }),
      { phone: { key: 'intake.error.phone' } },
    ],
    ['an address at its limit', withContact({ email: emailOf(ticketLimits.email) }), {}],
    ['an address at its limit with spaces around', withContact({ email: ` ${emailOf(ticketLimits.email)} ` }), {}],
    [
      'an address over its limit',
      withContact({ email: emailOf(ticketLimits.email + 1) }),
      { email: tooLong(ticketLimits.email) },
    ],
    [
      'an address with text before it',
      withContact({ email: 'Сергей sergey@example.ru' }),
      { email: { key: 'intake.error.email' } },
    ],
    [
      'an address with text after it',
      withContact({ email: 'sergey@example.ru Сергей' }),
      { email: { key: 'intake.error.email' } },
    ],
    ['a messenger at its limit', withContact({ messenger: 'м'.repeat(ticketLimits.messenger) }), {}],
    [
      'a messenger over its limit',
      withContact({ messenger: 'м'.repeat(ticketLimits.messenger + 1) }),
      { messenger: tooLong(ticketLimits.messenger) },
    ],
  ])('%s', (_what, text, errors) => {
    expect(validateTicketText(text)).toStrictEqual(errors);
  });
});
