/** What the intake form and the ticket's edit dialog refuse in a ticket's text fields. */
import { describe, expect, it } from 'vitest';
import { ticketLimits } from '#shared/domain/ticketFactory.ts';
import { validateTicketText, type TicketText } from '#shared/domain/ticketTextValidation.ts';

const valid: TicketText = {
  subject: 'Шлагбаум не открывается',
  description: 'С утра не реагирует на номера',
  contact: { name: 'Сергей', phone: '+7 (900) 000-00-00', email: 'sergey@example.ru', messenger: '@sergey' },
};

describe('validateTicketText', () => {
  it('accepts a complete ticket and an empty contact', () => {
    expect(validateTicketText(valid)).toEqual({});
    expect(validateTicketText({ ...valid, description: '', contact: { name: '', phone: '', email: '', messenger: '' } })).toEqual(
      {},
    );
  });

  it('needs a subject, and not a blank one', () => {
    expect(validateTicketText({ ...valid, subject: '   ' })).toEqual({ subject: { key: 'intake.error.subjectRequired' } });
  });

  it('says how long is too long', () => {
    const subject = 'а'.repeat(ticketLimits.subject + 1);
    expect(validateTicketText({ ...valid, subject }).subject).toEqual({
      key: 'intake.error.subjectTooLong',
      values: { max: ticketLimits.subject, count: subject.length },
    });
    expect(validateTicketText({ ...valid, description: 'б'.repeat(ticketLimits.description + 1) }).description?.key).toBe(
      'intake.error.descriptionTooLong',
    );
    expect(
      validateTicketText({ ...valid, contact: { ...valid.contact, name: 'в'.repeat(ticketLimits.name + 1) } }).contactName,
    ).toEqual({ key: 'intake.error.fieldTooLong', values: { max: ticketLimits.name } });
  });

  it('refuses a phone without enough digits or with letters, and an address without @', () => {
    expect(validateTicketText({ ...valid, contact: { ...valid.contact, phone: '12-3' } }).phone?.key).toBe('intake.error.phone');
    expect(validateTicketText({ ...valid, contact: { ...valid.contact, phone: '+7 900 ЗВОНИТЬ' } }).phone?.key).toBe(
      'intake.error.phone',
    );
    expect(validateTicketText({ ...valid, contact: { ...valid.contact, email: 'sergey.example.ru' } }).email?.key).toBe(
      'intake.error.email',
    );
  });
});
