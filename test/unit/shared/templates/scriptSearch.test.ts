import { describe, expect, it } from 'vitest';
import { buildScriptIndex, canEditScript, searchScripts, syncScriptIndex } from '#shared/templates/index.ts';
import { demoScripts, script } from './demoScripts.ts';

const titles = (docs: { title: string }[]) => docs.map((d) => d.title);

describe('searchScripts: the picker finds scripts the Russian way', () => {
  const index = buildScriptIndex(demoScripts());
  const viewer = { viewerId: 'agent-1' };

  it('finds by title across word forms', () => {
    expect(titles(searchScripts(index, 'напоминания', viewer))).toEqual(
      expect.arrayContaining(['Ожидание клиента: первое напоминание', 'Ожидание клиента: второе напоминание']),
    );
  });

  it('finds by category', () => {
    const found = titles(searchScripts(index, 'эскалация', viewer));
    expect(found.slice(0, 2).sort()).toEqual(['Передача вопроса специалистам (эскалация)', 'Эскалация: статус без новостей']);
  });

  it('finds by the text, the word being typed as a prefix', () => {
    expect(titles(searchScripts(index, 'брело', viewer))).toContain('Экстренное обращение принято');
  });

  it('narrows by the beginnings of title words while only a letter or two is typed', () => {
    expect(titles(searchScripts(index, 'н', viewer))).toEqual(
      expect.arrayContaining(['Ожидание клиента: первое напоминание', 'Реакция на низкую оценку']),
    );
    expect(titles(searchScripts(index, 'эк', viewer))).toEqual([
      'Массовый сбой: информирование клиента',
      'Экстренное обращение принято',
      'Экстренное: промежуточный статус',
    ]);
  });

  it('lists everything by category and title for an empty query', () => {
    const all = searchScripts(index, '  ', viewer);
    expect(all).toHaveLength(25);
    expect(all[0]!.category <= all[all.length - 1]!.category).toBe(true);
  });

  it('puts the scripts that fit the channel first', () => {
    const onPhone = titles(searchScripts(index, 'приветствие', { ...viewer, channel: 'phone' }));
    expect(onPhone[0]).toBe('Приветствие по телефону');
    const inMail = titles(searchScripts(index, 'приветствие', { ...viewer, channel: 'email' }));
    expect(inMail[0]).toBe('Приветствие в переписке');
  });

  it('hides archived scripts and other agents’ personal ones; keeps up with edits', () => {
    const own = script({ id: 'own', title: 'Мой скрипт про шлагбаум', ownerId: 'agent-1', updatedAt: 1 });
    const theirs = script({ id: 'theirs', title: 'Чужой скрипт про шлагбаум', ownerId: 'agent-2', updatedAt: 1 });
    const old = script({ id: 'old', title: 'Старый скрипт про шлагбаум', archived: true, updatedAt: 1 });
    const idx = buildScriptIndex([own, theirs, old]);
    expect(titles(searchScripts(idx, 'шлагбаум', viewer))).toEqual(['Мой скрипт про шлагбаум']);
    expect(titles(searchScripts(idx, 'шлагбаум', { ...viewer, includeArchived: true })).sort()).toEqual([
      'Мой скрипт про шлагбаум',
      'Старый скрипт про шлагбаум',
    ]);
    expect(syncScriptIndex(idx, [{ ...own, title: 'Мой скрипт про турникет', updatedAt: 2 }, theirs, old])).toBe(1);
    expect(titles(searchScripts(idx, 'турникет', viewer))).toEqual(['Мой скрипт про турникет']);
    expect(searchScripts(idx, 'шлагбаум', viewer)).toEqual([]);
  });
});

describe('canEditScript: who may change a script', () => {
  const shared = { ownerId: null };
  const annas = { ownerId: 'agent-1' };
  it('a shared script: the head and an admin, never an agent', () => {
    expect(canEditScript(shared, { id: 'agent-1', role: 'agent' })).toBe(false);
    expect(canEditScript(shared, { id: 'head-1', role: 'head' })).toBe(true);
    expect(canEditScript(shared, { id: 'admin-1', role: 'admin' })).toBe(true);
  });
  it('a personal script: its owner (and the head), not another agent', () => {
    expect(canEditScript(annas, { id: 'agent-1', role: 'agent' })).toBe(true);
    expect(canEditScript(annas, { id: 'agent-2', role: 'agent' })).toBe(false);
    expect(canEditScript(annas, { id: 'head-1', role: 'head' })).toBe(true);
  });
});
