import { describe, expect, it } from 'vitest';
import { renderTemplate } from '#shared/templates/index.ts';
import { fitQuotes, guillemetDepth } from '#shared/templates/quotes.ts';

const options = { now: Date.UTC(2026, 2, 10, 7, 0), timeZone: 'Europe/Moscow' };
const render = (body: string, values: Record<string, string>, answers?: Record<string, string>) =>
  renderTemplate(body, values, { ...options, answers }).text;

describe('a value’s quotation marks fitted to the script’s (Russian typography)', () => {
  it('writes a quoted name inside the script’s «…» with „…“, never «ЖК «Северный парк»»', () => {
    expect(render('Объект «{{site.name}}» подключён.', { 'site.name': 'ЖК «Северный парк»' })).toBe(
      'Объект «ЖК „Северный парк“» подключён.',
    );
    expect(render('по объекту «{{site.name}}, въезд 2»', { 'site.name': 'ЖК «Северный парк»' })).toBe(
      'по объекту «ЖК „Северный парк“, въезд 2»',
    );
  });

  it('drops a wholly quoted value’s own pair between « and »: one pair around one name', () => {
    expect(render('Объект «{{site.name}}».', { 'site.name': '«Северный парк»' })).toBe('Объект «Северный парк».');
    expect(render('Объект «{{site.name}}».', { 'site.name': '"Северный парк"' })).toBe('Объект «Северный парк».');
    // The first pair closes before the end: not one name, so both pairs stay, nested.
    expect(render('«{{site.name}}»', { 'site.name': '«Север» и «Юг»' })).toBe('«„Север“ и „Юг“»');
  });

  it('leaves a value outside quotes as it is, except straight quotes in pairs, which become «…»', () => {
    expect(render('Объект: {{site.name}}.', { 'site.name': 'ЖК «Северный парк»' })).toBe('Объект: ЖК «Северный парк».');
    expect(render('Организация {{client.organization}}', { 'client.organization': 'ООО "Ромашка"' })).toBe(
      'Организация ООО «Ромашка»',
    );
    expect(render('«{{client.organization}}»', { 'client.organization': 'ООО "Ромашка"' })).toBe('«ООО „Ромашка“»');
    // An odd straight quote cannot be paired: left as typed.
    expect(render('{{client.name}}', { 'client.name': 'Дом 5"А' })).toBe('Дом 5"А');
  });

  it('fits a prompt’s answer the same way', () => {
    expect(render('Проверьте «{{? где | Где}}»', {}, { где: 'КПП «Север»' })).toBe('Проверьте «КПП „Север“»');
  });

  it('knows a closed pair from an open one, and a stray » from a closing one', () => {
    expect(render('«Тема» и {{site.name}}', { 'site.name': 'ЖК «Парк»' })).toBe('«Тема» и ЖК «Парк»');
    expect(guillemetDepth('» «а» «б')).toBe(1);
    expect(guillemetDepth('')).toBe(0);
    expect(fitQuotes('«А»', 'x «', '» y')).toBe('А');
    expect(fitQuotes('«А»', 'x «', ', y»')).toBe('„А“');
  });

  it('keeps the value plain text: the rule only swaps quotation marks', () => {
    expect(render('«{{client.name}}»', { 'client.name': '<script>«x»</script>' })).toBe('«<script>„x“</script>»');
  });
});
