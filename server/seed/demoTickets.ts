/**
 * The demo tickets: 12 months ending at `now` at the volumes of docs/product.md (about 14 a working
 * day, ~3,500 a year; `scale` multiplies), a realistic mix of priorities, channels and products,
 * each with its statusLog and timeline. Deadlines come from the SLA engine (withSlaDeadlines);
 * resolution times are drawn around them so most tickets meet the SLA and a few breach.
 * Tickets are produced day by day, oldest first, so numbers follow creation order.
 */
import type { Channel, Priority } from '#shared/vocabulary/enums.ts';
import { defaultSlaSetup, withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import type { Actor } from '#shared/domain/workflow.ts';
import type { KbArticle } from '#shared/schema/kbSchema.ts';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { addWorkingMinutes, isWorkingInstant, nextWorkingInstant } from '#shared/sla/workingTime.ts';
import type { DemoSite } from './demoDirectory.ts';
import {
  confirmationNotes,
  contactNotes,
  csatComments,
  escalationReasons,
  noteTexts,
  problemsByPriority,
  replyTexts,
  type Problem,
} from './demoProblems.ts';
import type { Prng } from './prng.ts';
import { TicketStory } from './ticketStory.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Moscow has kept UTC+3 all year since 2014: local midnights of the demo year are fixed offsets. */
const moscowOffset = 3 * HOUR;

export interface DemoAgents {
  demo: Actor;
  agent2: Actor;
  head: Actor;
}

export interface TicketSink {
  ticket(ticket: Ticket): Promise<void>;
  events(events: TicketEvent[]): Promise<void>;
}

export interface TicketGenerationOptions {
  prng: Prng;
  now: number;
  scale: number;
  sites: DemoSite[];
  agents: DemoAgents;
  articles: KbArticle[];
  sink: TicketSink;
  numberFor: (createdAt: number) => string;
}

const channelNames: Record<Channel, string> = {
  phone: 'Телефон',
  email: 'Электронная почта',
  messenger: 'Мессенджер',
  crm: 'Битрикс24',
  walk_in: 'Личный визит',
  web: 'Веб-форма',
};

function kbIndex(articles: KbArticle[]): (problem: Problem) => string {
  const cache = new Map<Problem, string>();
  return (problem) => {
    const hit = cache.get(problem);
    if (hit !== undefined) return hit;
    let best = '';
    let bestScore = -1;
    for (const a of articles) {
      const hay = `${a.title} ${a.tags.join(' ')}`.toLowerCase();
      let score = problem.kb.reduce((s, w) => s + (hay.includes(w.toLowerCase()) ? 2 : 0), 0);
      if (a.product === problem.product) score += 1;
      if (score > bestScore) {
        best = a.id;
        bestScore = score;
      }
    }
    cache.set(problem, best);
    return best;
  };
}

export async function generateTickets(
  options: TicketGenerationOptions,
): Promise<{ tickets: number; events: number; open: number }> {
  const { prng, now, scale, sites, agents, sink } = options;
  const cal = defaultSlaSetup().calendar;
  const articleFor = kbIndex(options.articles);
  const recentBySite = new Map<string, Array<{ id: string; createdAt: number; product: string | null }>>();
  const totalWeight = sites.reduce((s, x) => s + x.weight, 0);
  const pickSite = () => {
    let r = prng.next() * totalWeight;
    for (const s of sites) {
      r -= s.weight;
      if (r < 0) return s;
    }
    return sites[sites.length - 1]!;
  };
  let ticketCount = 0;
  let eventCount = 0;
  let openCount = 0;

  const firstDay = Math.floor((now + moscowOffset - 365 * DAY) / DAY);
  const lastDay = Math.floor((now + moscowOffset) / DAY);
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY - moscowOffset;
    const working = isWorkingInstant(cal, midnight + 12 * HOUR);
    const createdTimes: number[] = [];
    for (let rep = 0; rep < scale; rep++) {
      const count = working
        ? Math.max(5, Math.min(25, Math.round(prng.normal(13.7, 3.2))))
        : prng.chance(0.55)
          ? prng.int(1, 2)
          : 0;
      for (let i = 0; i < count; i++) {
        const hour = working
          ? prng.chance(0.94)
            ? prng.weighted([
                [9, 14],
                [10, 16],
                [11, 14],
                [12, 11],
                [13, 9],
                [14, 11],
                [15, 10],
                [16, 9],
                [17, 7],
              ] as const)
            : prng.pick([7, 8, 18, 19, 20, 21])
          : prng.int(8, 21);
        createdTimes.push(midnight + hour * HOUR + prng.int(0, HOUR - 1));
      }
    }
    createdTimes.sort((a, b) => a - b);
    for (const createdAt of createdTimes) {
      // The freshest minutes belong to the hand-made "waiting for contact" emergencies below.
      if (createdAt > now - 20 * MIN) continue;
      const offHours = !isWorkingInstant(cal, createdAt);
      const priority: Priority = offHours
        ? prng.weighted([
            ['emergency', 35],
            ['standard', 45],
            ['consultation', 20],
          ] as const)
        : prng.weighted([
            ['emergency', 6.5],
            ['standard', 60.5],
            ['consultation', 33],
          ] as const);
      const site = pickSite();
      const story = buildStory(createdAt, priority, site, null);
      story.play(now);
      await emit(story);
    }
  }

  // Today's emergencies still waiting for the first contact (the 15-minute alarm in the demo).
  for (const minutesAgo of [11, 4]) {
    const site = sites.find((s) => s.siteType === 'residential' && s.doc.products.includes('pass24_auto')) ?? sites[0]!;
    const story = buildStory(now - minutesAgo * MIN, 'emergency', site, { untouched: true });
    story.play(now);
    await emit(story);
  }
  return { tickets: ticketCount, events: eventCount, open: openCount };

  async function emit(story: TicketStory): Promise<void> {
    const t = withSlaDeadlines(story.ticket, now);
    await sink.ticket(t);
    await sink.events(story.events);
    ticketCount++;
    eventCount += story.events.length;
    if (t.status !== 'closed') openCount++;
    const list = recentBySite.get(t.siteId ?? '') ?? [];
    list.push({ id: t.id, createdAt: t.createdAt, product: t.product });
    if (list.length > 12) list.shift();
    recentBySite.set(t.siteId ?? '', list);
  }

  function pickProblem(priority: Priority, site: DemoSite): Problem {
    const pool = problemsByPriority[priority];
    for (let attempt = 0; attempt < 6; attempt++) {
      const p = prng.pick(pool);
      if (site.doc.products.includes(p.product)) return p;
    }
    return prng.pick(pool);
  }

  function buildStory(
    createdAt: number,
    priority: Priority,
    site: DemoSite,
    special: { untouched: boolean } | null,
  ): TicketStory {
    const problem = pickProblem(priority, site);
    const channel: Channel =
      priority === 'emergency'
        ? prng.weighted([
            ['phone', 70],
            ['messenger', 20],
            ['email', 5],
            ['crm', 5],
          ] as const)
        : prng.weighted([
            ['phone', 33],
            ['email', 31],
            ['messenger', 25],
            ['crm', 11],
          ] as const);
    const person = prng.pick(site.doc.contacts);
    const assignee = prng.chance(0.68) ? agents.demo : agents.agent2;
    const recent = (recentBySite.get(site.doc.id) ?? []).filter(
      (r) => r.createdAt > createdAt - 45 * DAY && r.product === problem.product,
    );
    const repeatOf = !special && recent.length > 0 && prng.chance(0.09) ? prng.pick(recent).id : null;
    const registrar = channel === 'phone' ? assignee : null;
    const base = createTicketDocument(
      {
        subject: problem.subject,
        description: problem.description.replace('{time}', `${prng.int(7, 11)}:${String(prng.int(0, 59)).padStart(2, '0')}`),
        type: problem.type,
        priority,
        channel,
        product: problem.product,
        clientId: site.org.id,
        siteId: site.doc.id,
        organizationName: site.org.name,
        siteName: site.doc.name,
        contact: {
          name: person.name,
          phone: person.phone,
          email: channel === 'email' ? person.email : '',
          messenger: channel === 'messenger' ? person.phone : '',
        },
        assigneeId: '',
        repeatOf,
        externalId: channel === 'phone' ? null : `${channel}-${prng.int(100000, 999999)}`,
        tags: repeatOf ? ['повторное'] : [],
      },
      { id: prng.id('t'), now: createdAt, authorId: registrar?.id ?? '' },
    );
    const ticket: Ticket = { ...base, number: options.numberFor(createdAt) };
    const story = new TicketStory(ticket, prng);
    story.event(createdAt, registrar, `Канал: ${channelNames[channel]}`, 'created', true, '', { channel });
    if (special?.untouched) return story;
    if (repeatOf) story.event(createdAt + prng.int(1, 5) * MIN, assignee, '', 'repeat_linked', false, '', { repeatOf });

    // Taken into work and first public contact.
    const takeAt =
      priority === 'emergency' ? createdAt + prng.int(1, 6) * MIN : addWorkingMinutes(cal, createdAt, prng.int(3, 80));
    story.step(takeAt, assignee, (t) => {
      t.assigneeId = assignee.id;
    });
    story.event(takeAt, assignee, '', 'assigned', false, '', { from: '', to: assignee.id });
    story.move(takeAt, assignee, 'in_progress');
    const contactAt =
      priority === 'emergency'
        ? createdAt + (prng.chance(0.97) ? prng.int(2, 13) : prng.int(16, 30)) * MIN + prng.int(0, MIN - 1)
        : takeAt + prng.int(1, 50) * MIN;
    const byCall = channel === 'phone' || priority === 'emergency';
    story.event(
      contactAt,
      assignee,
      '',
      byCall ? 'contact_logged' : 'reply',
      true,
      byCall ? prng.pick(contactNotes) : prng.pick(replyTexts),
      byCall ? { mode: 'call' } : {},
    );
    story.step(contactAt, assignee, (t, at) => {
      if (t.firstContactAt === null) t.firstContactAt = at;
    });

    // The resolution due instant without pauses, from the SLA engine; draw the resolution around it.
    const due = withSlaDeadlines(ticket, createdAt).resolutionDueAt ?? createdAt + 8 * HOUR;
    const span = Math.max(30 * MIN, due - createdAt);
    const breach = prng.chance(priority === 'emergency' ? 0.02 : 0.03);
    const fraction = breach ? prng.between(1.05, 1.6) : 0.08 + 0.8 * prng.next() ** 2;
    let resolvedAt = Math.max(contactAt + 10 * MIN, nextWorkingInstant(cal, createdAt + fraction * span));
    if (!breach && resolvedAt > due) resolvedAt = Math.max(contactAt + 5 * MIN, due - prng.int(5, 30) * MIN);

    let cursor = contactAt;
    // Waiting for the client pauses the clock: the resolution moves later by the waiting time.
    if (priority !== 'emergency' && prng.chance(0.25)) {
      const waitAt = cursor + Math.max(5 * MIN, (resolvedAt - cursor) * prng.between(0.15, 0.4));
      const waited = prng.int(2, 40) * HOUR;
      story.event(
        waitAt,
        assignee,
        '',
        'reply',
        true,
        'Уточните, пожалуйста, подробности: номер квартиры, время события и фото экрана, если есть ошибка.',
      );
      story.move(waitAt + MIN, assignee, 'waiting_client');
      story.move(waitAt + waited, assignee, 'in_progress');
      story.event(waitAt + waited, assignee, '', 'note', false, 'Клиент ответил, продолжаю работу.');
      resolvedAt += waited;
      cursor = waitAt + waited;
    }

    // Escalation to development through the head of department (about one ticket in ten).
    const escalate = priority !== 'consultation' && prng.chance(priority === 'emergency' ? 0.12 : 0.13);
    if (escalate) {
      const askAt = cursor + prng.int(15, 120) * MIN;
      const reason = prng.pick(escalationReasons);
      story.event(askAt, assignee, '', 'escalation_requested', false, reason);
      story.step(askAt, assignee, (t, at) => {
        t.escalation = { ...t.escalation, state: 'requested', reason, requestedAt: at, requestedBy: assignee.id };
      });
      story.move(askAt, assignee, 'escalation_requested');
      const decideAt = askAt + prng.int(10, 180) * MIN;
      if (prng.chance(0.12)) {
        const comment = 'Это решается настройкой объекта: проверьте расписание и группы доступа.';
        story.event(decideAt, agents.head, '', 'escalation_returned', false, comment);
        story.step(decideAt, agents.head, (t, at) => {
          t.escalation = { ...t.escalation, state: 'returned', decidedAt: at, decidedBy: agents.head.id, comment };
        });
        story.move(decideAt, agents.head, 'in_progress');
        resolvedAt = Math.max(resolvedAt, decideAt + prng.int(30, 240) * MIN);
      } else {
        const devTaskRef = `DEV-${prng.int(1200, 4999)}`;
        story.event(decideAt, agents.head, '', 'escalation_approved', false, 'Согласовано, передано в разработку.', {
          devTaskRef,
        });
        story.step(decideAt, agents.head, (t, at) => {
          t.escalation = {
            ...t.escalation,
            state: 'approved',
            decidedAt: at,
            decidedBy: agents.head.id,
            devTaskRef,
            comment: 'Согласовано, передано в разработку.',
          };
        });
        story.move(decideAt, agents.head, 'escalated');
        const answerAt = addWorkingMinutes(
          cal,
          decideAt,
          prng.int(priority === 'emergency' ? 20 : 120, priority === 'emergency' ? 90 : 900),
        );
        story.event(answerAt, assignee, '', 'development_answered', false, `Разработка: исправление выпущено в ${devTaskRef}.`);
        story.step(answerAt, assignee, (t) => {
          t.escalation = { ...t.escalation, state: 'answered' };
        });
        story.move(answerAt, assignee, 'in_progress');
        resolvedAt = Math.max(resolvedAt, answerAt + prng.int(10, priority === 'emergency' ? 40 : 180) * MIN);
      }
    }

    for (let i = prng.int(0, 2); i > 0; i--) {
      story.event(cursor + (resolvedAt - cursor) * prng.between(0.1, 0.9), assignee, '', 'reply', true, prng.pick(replyTexts));
    }
    if (prng.chance(0.35))
      story.event(cursor + (resolvedAt - cursor) * prng.between(0.05, 0.8), assignee, '', 'note', false, prng.pick(noteTexts));

    // Resolved with a KB article, then closed once the client confirms (with a CSAT score mostly).
    const kbArticleId = articleFor(problem);
    story.event(resolvedAt, assignee, '', 'kb_linked', false, '', { kbArticleId });
    story.event(resolvedAt, assignee, '', 'resolution', false, problem.resolution, { kbArticleId });
    story.step(resolvedAt, assignee, (t, at) => {
      t.resolvedAt = at;
      t.resolution = { summary: problem.resolution, kbArticleId };
    });
    story.move(resolvedAt, assignee, 'resolved');
    const confirmAt = resolvedAt + prng.int(15, 30 * 60) * MIN;
    const note = prng.pick(confirmationNotes);
    const csat = prng.chance(0.85)
      ? {
          score: prng.weighted([
            [5, 70],
            [4, 22],
            [3, 4],
            [2, 2],
            [1, 2],
          ] as const),
          comment: prng.pick(csatComments),
        }
      : null;
    story.event(confirmAt, assignee, '', 'confirmation', true, note);
    if (csat) story.event(confirmAt, assignee, '', 'csat', false, csat.comment, { score: csat.score });
    story.step(confirmAt, assignee, (t, at) => {
      t.confirmation = { confirmedAt: at, note };
      t.csat = csat;
      t.closedAt = at;
    });
    story.move(confirmAt, assignee, 'closed');
    return story;
  }
}
