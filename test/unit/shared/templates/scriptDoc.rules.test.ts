import { describe, expect, it } from 'vitest';
import { fillScript } from '#shared/templates/fillScript.ts';
import { placeholderNames } from '#shared/templates/placeholders.ts';
import { canEditScript, fitsChannel, isVisibleTo, scriptBodyFor } from '#shared/templates/scriptDoc.ts';
import type { PlaceholderValues } from '#shared/templates/templateValues.ts';

describe('who sees and who changes a script', () => {
  it('a shared script is everyone’s to see; a personal one its owner’s', () => {
    expect(isVisibleTo({ ownerId: null }, 'ag1')).toBe(true);
    expect(isVisibleTo({}, 'ag1')).toBe(true);
    expect(isVisibleTo({ ownerId: 'ag1' }, 'ag1')).toBe(true);
    expect(isVisibleTo({ ownerId: 'ag2' }, 'ag1')).toBe(false);
  });

  it.each([
    [null, 'ag1', 'agent', false],
    [null, 'h1', 'head', true],
    [null, 'a1', 'admin', true],
    ['ag1', 'ag1', 'agent', true],
    ['ag2', 'ag1', 'agent', false],
    ['ag2', 'h1', 'head', true],
  ] as const)('owner %s, changed by %s (%s): %s', (ownerId, id, role, may) => {
    expect(canEditScript({ ownerId }, { id, role })).toBe(may);
  });
});

describe('the channels a script suits', () => {
  it('every channel when it names none, else the ones it names', () => {
    expect(fitsChannel({ channels: [] }, 'email')).toBe(true);
    expect(fitsChannel({ channels: ['phone', 'walk_in'] }, 'walk_in')).toBe(true);
    expect(fitsChannel({ channels: ['phone'] }, 'email')).toBe(false);
  });
});

describe('the variant offered', () => {
  const both = { body: 'Письмо', phoneBody: 'Скажите' };

  it.each([
    ['phone', 'phone'],
    ['walk_in', 'phone'],
    ['email', 'written'],
    ['web', 'written'],
  ] as const)('on %s: %s', (channel, variant) => {
    expect(scriptBodyFor(both, channel)).toEqual({ body: variant === 'phone' ? 'Скажите' : 'Письмо', variant });
  });

  it('the written text on the phone when there is no phone variant', () => {
    expect(scriptBodyFor({ body: 'Письмо', phoneBody: '' }, 'phone')).toEqual({ body: 'Письмо', variant: 'written' });
  });
});

describe('a script filled in', () => {
  const options = { now: Date.UTC(2026, 10, 23, 7, 0), timeZone: 'Europe/Moscow' };
  const both = { body: 'Здравствуйте, {{client.name}}. {{?срок}}', phoneBody: 'Скажите {{client.name}}' };
  const values = { ...Object.fromEntries(placeholderNames.map((n) => [n, null])), 'client.name': 'Иван' } as PlaceholderValues;

  it('takes the channel’s variant, or the one the agent switched to', () => {
    expect(fillScript(both, 'phone', values, options)).toMatchObject({
      text: 'Скажите Иван',
      variant: 'phone',
      hasPhoneVariant: true,
    });
    expect(fillScript(both, 'phone', values, { ...options, variant: 'written', answers: { срок: 'завтра' } })).toMatchObject({
      text: 'Здравствуйте, Иван. завтра',
      variant: 'written',
    });
    expect(fillScript(both, 'email', values, { ...options, variant: 'phone' })).toMatchObject({ variant: 'phone' });
  });

  it('stays written when asked for a phone variant it does not have', () => {
    const written = { body: 'Письмо', phoneBody: null };
    expect(fillScript(written, 'email', values, { ...options, variant: 'phone' })).toMatchObject({
      text: 'Письмо',
      variant: 'written',
      hasPhoneVariant: false,
    });
  });
});
