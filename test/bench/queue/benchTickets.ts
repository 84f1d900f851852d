/**
 * 50,000 schema-valid tickets for the queue benchmark, built with the same factory and deadline
 * glue as the app (createTicketDocument + withSlaDeadlines). Deterministic (seeded), mostly open
 * (the queue's worst case), across every priority, status, channel and a few agents.
 */
import { channels, type TicketStatus } from '../../../shared/vocabulary/enums.ts';
import { createTicketDocument } from '../../../shared/domain/ticketFactory.ts';
import { withSlaDeadlines } from '../../../shared/domain/ticketDeadlines.ts';
import type { Ticket } from '../../../shared/schema/ticketSchema.ts';

const subjects = [
  'Шлагбаум не открывается по номеру',
  'Турникет не пропускает по карте',
  'Камера не распознаёт номера',
  'Разовый пропуск не срабатывает',
  'Домофон не открывает дверь подъезда',
  'Как выгрузить журнал проездов',
  'Курьерские пропуска не создаются',
  'Контроллер объекта не на связи',
  'Интеграция с Битрикс24',
  'Постоянный пропуск подрядчика перестал действовать',
];
const organizations = [
  'УК «Северный парк»',
  'ООО «Сити Эксплуатация»',
  'ТСН «Лесные дали»',
  'ГК «Вектор Девелопмент»',
  'УК «Альфа-Дом»',
];
const sites = ['ЖК «Северный парк»', 'БЦ «Вектор»', 'КП «Лесные дали»', 'ЖК «Альфа»', 'ЖК «Волжский бульвар»'];
const names = ['Сергей Иванов', 'Ольга Сидорова', 'Дмитрий Егоров', 'Игорь Белов', 'Анна Кузнецова'];
const openMix: TicketStatus[] = [
  'new',
  'in_progress',
  'in_progress',
  'in_progress',
  'waiting_client',
  'escalation_requested',
  'escalated',
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchTickets(count: number, now: number, agentIds: readonly string[]): Ticket[] {
  const rnd = random(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = now - Math.floor(rnd() * 30 * 86_400_000);
    const roll = rnd();
    const priority = roll < 0.05 ? 'emergency' : roll < 0.7 ? 'standard' : 'consultation';
    const closed = rnd() < 0.1;
    const status: TicketStatus = closed ? 'closed' : pick(openMix);
    const base = createTicketDocument(
      {
        subject: `${pick(subjects)} (${i})`,
        description: 'Сгенерировано для замера очереди',
        type: priority === 'consultation' ? 'question' : 'incident',
        priority,
        channel: pick(channels),
        product: 'pass24_online',
        organizationName: pick(organizations),
        siteName: pick(sites),
        contact: { name: pick(names), phone: `+7 900 ${String(i).padStart(7, '0')}` },
        assigneeId: status === 'new' ? '' : pick(agentIds),
      },
      { id: `bench-${String(i).padStart(6, '0')}`, now: createdAt, authorId: '' },
    );
    const touched = Math.min(now, createdAt + 10 * 60_000);
    const closedAt = closed ? Math.min(now, createdAt + Math.floor(rnd() * 3 * 86_400_000)) : null;
    const ticket: Ticket = {
      ...base,
      number: `2026-${String(i + 1).padStart(6, '0')}`,
      status,
      firstContactAt: status === 'new' ? null : touched,
      resolvedAt: closedAt,
      closedAt,
      statusLog:
        status === 'new'
          ? base.statusLog
          : closed
            ? [...base.statusLog, { status: 'resolved', at: closedAt! }, { status: 'closed', at: closedAt! }]
            : [...base.statusLog, { status, at: touched }],
      updatedAt: 0,
    };
    tickets.push(withSlaDeadlines(ticket, now));
  }
  return tickets;
}
