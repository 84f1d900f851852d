/** What the desk tells about the channels, at its edges: the start instant and the preview's cut. */
import { describe, expect, it } from 'vitest';
import { isFollowUpFor, messagePreview } from '#shared/channels/deskNotices.ts';

describe('a client’s message that tells its assignee', () => {
  it('counts a message that arrived the very instant the desk started', () => {
    const ticket = { assigneeId: 'agent-1', createdAt: 1000 };
    expect(isFollowUpFor({ kind: 'client_message', at: 5000 }, ticket, 'agent-1', 5000)).toBe(true);
    expect(isFollowUpFor({ kind: 'client_message', at: 4999 }, ticket, 'agent-1', 5000)).toBe(false);
  });
});

describe('a notification’s preview of a message', () => {
  it('is the first line with text, without spaces at either end', () => {
    expect(messagePreview('Шлагбаум не открывается \nС утра')).toBe('Шлагбаум не открывается');
    expect(messagePreview('\n  Шлагбаум не открывается\nС утра')).toBe('Шлагбаум не открывается');
  });

  it('keeps a line exactly as long as the limit whole', () => {
    expect(messagePreview('абвгдеёжзи', 10)).toBe('абвгдеёжзи');
  });

  it('cuts a longer line at its last space past the limit’s middle, without the space', () => {
    expect(messagePreview('шестьь восьмерка', 10)).toBe('шестьь…');
    expect(messagePreview('шестьь  восьмерка', 10)).toBe('шестьь…');
  });

  it('cuts at the limit itself when the last space is at the middle or before it', () => {
    expect(messagePreview('пять восьмерка', 10)).toBe('пять восьм…');
    expect(messagePreview('пятьд восьмерка', 10)).toBe('пятьд вось…');
    expect(messagePreview('одинслитныйтекст', 10)).toBe('одинслитны…');
  });
});
