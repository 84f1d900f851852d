/** The desk's channel notices: a client's follow-up tells the assignee; a failing connector is shown. */
import { describe, expect, it } from 'vitest';
import { failingChannels, isFollowUpFor, messagePreview } from '#shared/channels/deskNotices.ts';
import type { ChannelHealth } from '#shared/protocol.ts';

const ticket = { assigneeId: 'anna', createdAt: 1_000 };
const message = { kind: 'client_message' as const, at: 5_000 };

describe("a client's follow-up", () => {
  it('tells the assignee of a message that came after the desk started', () => {
    expect(isFollowUpFor(message, ticket, 'anna', 4_000)).toBe(true);
  });

  it('tells nobody else, nothing about other entries, and nothing from before the desk started', () => {
    expect(isFollowUpFor(message, ticket, 'boris', 4_000)).toBe(false);
    expect(isFollowUpFor(message, { ...ticket, assigneeId: '' }, 'anna', 4_000)).toBe(false);
    expect(isFollowUpFor({ kind: 'reply', at: 5_000 }, ticket, 'anna', 4_000)).toBe(false);
    expect(isFollowUpFor(message, ticket, 'anna', 5_001)).toBe(false);
    expect(isFollowUpFor(message, null, 'anna', 0)).toBe(false);
  });

  it('is not the first message of a new ticket (the queue shows that one)', () => {
    expect(isFollowUpFor({ kind: 'client_message', at: 1_000 }, ticket, 'anna', 0)).toBe(false);
  });

  it('is previewed by its first line, cut at a word', () => {
    expect(messagePreview('  Заработало, спасибо!\n\n> цитата')).toBe('Заработало, спасибо!');
    expect(messagePreview('Шлагбаум снова не открывается после перезагрузки', 30)).toBe('Шлагбаум снова не открывается…');
  });
});

describe('failing connectors', () => {
  const channel = (state: ChannelHealth['state']): ChannelHealth => ({
    id: state,
    kind: 'email',
    name: 'Поддержка',
    address: 'support@pass24.test',
    state,
    detail: '',
    since: 0,
  });
  it('are those reported failing; running, starting, stopped and standby ones are not shown', () => {
    const all = (['running', 'failing', 'starting', 'stopped', 'standby'] as const).map(channel);
    expect(failingChannels(all).map((c) => c.id)).toEqual(['failing']);
  });
});
