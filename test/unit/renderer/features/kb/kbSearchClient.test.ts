import { describe, expect, it } from 'vitest';
import type { KbArticle } from '#shared/schema/index.ts';
import { KbSearchClient } from '../../../../../renderer/src/features/kb/kbSearchClient.ts';

const article = (id: string, title: string, over: Partial<KbArticle> = {}): KbArticle => ({
  id,
  title,
  body: '',
  product: null,
  tags: [],
  category: null,
  symptoms: [],
  status: 'published',
  createdAt: 0,
  createdBy: '',
  editedAt: 1,
  editedBy: '',
  sourceTicketId: null,
  conflictDraft: null,
  summary: null,
  returned: null,
  updatedAt: 1,
  ...over,
});

// Where there is no Worker (here, as in a window without workers) the client answers on its thread.
describe('KbSearchClient without a worker', () => {
  it('answers from the articles of the last sync, following edits and removals', async () => {
    expect(typeof Worker).toBe('undefined');
    const client = new KbSearchClient();
    const barrier = article('barrier', 'Шлагбаум не открывается');
    client.sync([barrier, article('gate', 'Калитка не открывается')]);
    expect((await client.search('шлагбаума')).map((h) => h.id)).toEqual(['barrier']);
    client.sync([{ ...barrier, title: 'Турникет не пропускает', updatedAt: 2 }]);
    expect(await client.search('шлагбаума')).toEqual([]);
    expect((await client.search('турникет')).map((h) => h.id)).toEqual(['barrier']);
    expect((await client.search('калитка')).map((h) => h.id)).toEqual([]);
  });
});
