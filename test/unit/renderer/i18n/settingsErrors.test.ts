/**
 * A refused setting reads the same at the desk as in the endpoint's answer: the desk shows the
 * code's Russian words from the copy the endpoint answers with, and English words of its own.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsMessagesEn, settingsMessagesRu } from '#shared/sla/settingsMessages.ts';
import type { SettingsErrorCode } from '#shared/sla/slaSettings.ts';
import { en } from '../../../../renderer/src/i18n/en/index.ts';
import { ru } from '../../../../renderer/src/i18n/ru/index.ts';

const i18n = i18next.createInstance();
const codes = Object.keys(settingsMessagesRu) as SettingsErrorCode[];

beforeAll(async () => {
  await i18n.init({ lng: 'ru', fallbackLng: false, resources: { ru: { translation: ru }, en: { translation: en } } });
});

describe("a refused setting's message", () => {
  it.each(codes)('%s: the desk says in Russian what the endpoint answers', (code) => {
    expect(i18n.t(`settings.sla.errors.${code}`, { lng: 'ru' })).toBe(settingsMessagesRu[code]);
  });

  it.each(codes)('%s: the desk has English words for it, not the Russian ones', (code) => {
    const english = i18n.t(`settings.sla.errors.${code}`, { lng: 'en' });
    expect(english).toBe(settingsMessagesEn[code]);
    expect(english).not.toBe(settingsMessagesRu[code]);
    expect(english).not.toMatch(/[а-яё]/i);
  });

  it('has words for the same codes in both languages', () => {
    expect(Object.keys(settingsMessagesEn).sort()).toEqual([...codes].sort());
  });
});
