import { describe, expect, it } from 'vitest';
import { buildScriptIndex, searchScripts, syncScriptIndex } from '#shared/templates/scriptSearch.ts';
import { script } from './demoScripts.ts';

const viewer = { viewerId: 'agent-1' };
const ids = (docs: { id: string }[]) => docs.map((d) => d.id);

describe('what the picker searches', () => {
  const index = buildScriptIndex([
    script({ id: 'title', title: 'Шлагбаум' }),
    script({ id: 'category', title: 'Первый', category: 'Турникет' }),
    script({ id: 'tags', title: 'Второй', tags: ['ворота', 'домофон'] }),
    script({ id: 'body', title: 'Третий', body: 'Проверьте камеру' }),
    script({ id: 'phone', title: 'Четвёртый', body: 'Письменно', phoneBody: 'Назовите парковку' }),
  ]);

  it.each([
    ['шлагбаум', 'title'],
    ['турникет', 'category'],
    ['ворота', 'tags'],
    ['домофон', 'tags'],
    ['камера', 'body'],
    ['парковка', 'phone'],
  ])('«%s» finds the script by its %s', (query, id) => {
    expect(ids(searchScripts(index, query, viewer))).toEqual([id]);
  });
});

describe('how words are matched', () => {
  const index = buildScriptIndex([
    script({ id: 'remote', title: 'Шлагбаум', body: 'Возьмите пульт' }),
    script({ id: 'access', title: 'Пропуск', body: 'Нет доступа к системе' }),
    script({ id: 'gate', title: 'Ворота', body: 'Откройте шлагбаум вручную' }),
  ]);

  it('three letters already begin a word anywhere in the script, not only in its title', () => {
    expect(ids(searchScripts(index, 'пул', viewer))).toEqual(['remote']);
  });

  it('with a longer word typed, a word of one or two letters must be a whole word', () => {
    expect(ids(searchScripts(index, 'шлагбаум пу', viewer))).toEqual([]);
  });

  it('with a longer word typed, the whole script is searched, filler words aside', () => {
    expect(ids(searchScripts(index, 'шлагбаум в', viewer)).sort()).toEqual(['gate', 'remote']);
  });

  it('only one or two letters typed: every typed word must begin a word of the title or category', () => {
    expect(ids(searchScripts(index, 'шл во', viewer))).toEqual([]);
    expect(ids(searchScripts(index, 'во', viewer))).toEqual(['gate']);
  });

  it('a typo is forgiven in a word of six letters or more, not in a shorter one', () => {
    expect(ids(searchScripts(index, 'достеп', viewer))).toEqual(['access']);
    expect(ids(searchScripts(index, 'пулть', viewer))).toEqual([]);
  });
});

describe('the order of the results', () => {
  it('a match in the title, the category or a tag ranks above a match in the text', () => {
    // The other scripts' long texts make a one-word text a strong match: only the field's weight lifts them.
    const inBody = script({ id: 'inBody', title: 'Пульт', body: 'Шлагбаум' });
    const body = 'Сообщите клиенту номер заявки и время ожидания мастера на объекте сегодня до вечера';
    expect(
      ids(
        searchScripts(
          buildScriptIndex([inBody, script({ id: 't', title: 'Шлагбаум у въезда на парковку', body })]),
          'шлагбаум',
          viewer,
        ),
      ),
    ).toEqual(['t', 'inBody']);
    expect(
      ids(
        searchScripts(
          buildScriptIndex([
            inBody,
            script({ id: 'c', title: 'Въезд на парковку', category: 'Шлагбаум и ворота у въезда', body }),
          ]),
          'шлагбаум',
          viewer,
        ),
      ),
    ).toEqual(['c', 'inBody']);
    expect(
      ids(
        searchScripts(
          buildScriptIndex([
            inBody,
            script({ id: 'g', title: 'Въезд на парковку', tags: ['шлагбаум', 'ворота', 'въезд', 'парковка'], body }),
          ]),
          'шлагбаум',
          viewer,
        ),
      ),
    ).toEqual(['g', 'inBody']);
  });

  it('an empty query lists the visible, unarchived scripts by category, then title', () => {
    const index = buildScriptIndex([
      script({ id: 'b2', title: 'Б', category: 'Второе' }),
      script({ id: 'a2', title: 'А', category: 'Второе' }),
      script({ id: 'theirs', title: 'А', category: 'Первое', ownerId: 'agent-2' }),
      script({ id: 'old', title: 'А', category: 'Первое', archived: true }),
      script({ id: 'b1', title: 'Б', category: 'Первое', ownerId: 'agent-1' }),
    ]);
    expect(ids(searchScripts(index, '', viewer))).toEqual(['a2', 'b2', 'b1']);
  });

  it('on a channel, the scripts that fit it come first and the rest follow, each once, in their order', () => {
    const index = buildScriptIndex([
      script({ id: 'a', title: 'А', channels: ['email'] }),
      script({ id: 'b', title: 'Б', channels: ['phone'] }),
      script({ id: 'c', title: 'В' }),
      script({ id: 'd', title: 'Г', channels: ['email'] }),
    ]);
    expect(ids(searchScripts(index, '', { ...viewer, channel: 'phone' }))).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('the index follows the scripts', () => {
  const first = script({ id: 's', title: 'Шлагбаум', editedAt: 1, updatedAt: 1 });

  it('a script whose edit instant alone changed is indexed afresh', () => {
    const index = buildScriptIndex([first]);
    expect(syncScriptIndex(index, [{ ...first, title: 'Турникет', editedAt: 2 }])).toBe(1);
    expect(ids(searchScripts(index, 'турникет', viewer))).toEqual(['s']);
  });

  it('a script archived without another change leaves the list', () => {
    const index = buildScriptIndex([first]);
    expect(syncScriptIndex(index, [{ ...first, archived: true }])).toBe(1);
    expect(searchScripts(index, 'шлагбаум', viewer)).toEqual([]);
  });

  it('an unchanged script is not indexed again', () => {
    const index = buildScriptIndex([first]);
    expect(syncScriptIndex(index, [{ ...first }])).toBe(0);
  });

  it('a script gone from the collection leaves the index, and may come back', () => {
    const other = script({ id: 'o', title: 'Турникет' });
    const index = buildScriptIndex([first, other]);
    expect(syncScriptIndex(index, [other])).toBe(1);
    expect(searchScripts(index, 'шлагбаум', viewer)).toEqual([]);
    expect(ids(searchScripts(index, '', viewer))).toEqual(['o']);
    expect(syncScriptIndex(index, [first, other])).toBe(1);
    expect(ids(searchScripts(index, 'шлагбаум', viewer))).toEqual(['s']);
  });
});
