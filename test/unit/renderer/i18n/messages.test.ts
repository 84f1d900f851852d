import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/src/i18n/en/index.ts';
import { ru } from '../../../../renderer/src/i18n/ru/index.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'ru',
    fallbackLng: false,
    resources: { ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

/** Every leaf key of a message tree, with English plural forms folded onto the Russian base. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v as object, `${prefix}${k}.`),
  );
}
const base = (key: string) => key.replace(/_(one|few|many|other)$/, '');

describe('Russian plurals', () => {
  it.each([
    [1, '1 обращение'],
    [2, '2 обращения'],
    [4, '4 обращения'],
    [5, '5 обращений'],
    [11, '11 обращений'],
    [14, '14 обращений'],
    [21, '21 обращение'],
    [22, '22 обращения'],
    [25, '25 обращений'],
    [101, '101 обращение'],
  ])('%i -> %s', (count, text) => {
    expect(i18n.t('common.tickets', { count, lng: 'ru' })).toBe(text);
  });

  it('says how many changes wait to be sent, in the right form', () => {
    expect(i18n.t('shell.status.pending', { count: 1, lng: 'ru' })).toBe('1 изменение ждёт отправки');
    expect(i18n.t('shell.status.pending', { count: 3, lng: 'ru' })).toBe('3 изменения ждут отправки');
    expect(i18n.t('shell.status.pending', { count: 12, lng: 'ru' })).toBe('12 изменений ждут отправки');
  });

  it('uses one/other in English', () => {
    expect(i18n.t('common.tickets', { count: 1, lng: 'en' })).toBe('1 ticket');
    expect(i18n.t('common.tickets', { count: 5, lng: 'en' })).toBe('5 tickets');
  });
});

describe('message catalogues', () => {
  it('has an English message for every Russian one, and no empty text', () => {
    const ruKeys = new Set(leafKeys(ru).map(base));
    const enKeys = new Set(leafKeys(en).map(base));
    expect([...ruKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !ruKeys.has(k))).toEqual([]);
    for (const key of leafKeys(ru)) expect(i18n.t(key, { lng: 'ru', count: 1 }), key).not.toBe('');
  });

  it('gives every Russian plural all three forms', () => {
    const keys = leafKeys(ru);
    for (const key of keys.filter((k) => k.endsWith('_many'))) {
      const stem = key.slice(0, -'_many'.length);
      expect(keys, stem).toContain(`${stem}_one`);
      expect(keys, stem).toContain(`${stem}_few`);
    }
  });
});
