import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, weeklyReviewMail } from '#shared/kpi/index.ts';
import { june10, mayEvents, mayTickets } from './mayWorkspace.ts';

// The weekly SLA review's mail (docs/kpi.md, "The weekly review"), for weeks of the May workspace.
const report = (from: string, to: string) =>
  computeKpiReport({ tickets: mayTickets, events: mayEvents, setup: defaultSlaSetup(), from, to, now: june10 });
const footer = 'Письмо отправлено автоматически PASS24 Support Desk. Полный отчёт — в разделе «Отчёты».';

describe('the weekly review mail', () => {
  it('gives SLA per priority against its target (met at the target itself), the tickets created and every breach with its reasons and instant', () => {
    expect(weeklyReviewMail(report('2026-05-25', '2026-05-31'))).toEqual({
      subject: 'Обзор SLA за неделю 25.05.2026 — 31.05.2026',
      body: [
        'Обзор SLA за неделю 25.05.2026 — 31.05.2026 (вся команда).',
        '',
        'Экстренные: 0,0 % (в срок 0 из 1; цель 100,0 %) — цель не выполнена',
        'Стандартные: 66,7 % (в срок 2 из 3; цель 95,0 %) — цель не выполнена',
        'Консультации: — (в срок 0 из 0; цель 95,0 %) — нет данных',
        '',
        'Создано обращений: 4.',
        '',
        'Нарушения SLA (2):',
        '- 2026-F «Обращение F», экстренные: поздний первый контакт; срок истёк 26.05.2026 09:15',
        '- 2026-H «Обращение H», стандартные: срок прошёл, не решено; срок истёк 29.05.2026 15:00',
        '',
        footer,
        '',
      ].join('\n'),
    });
    expect(weeklyReviewMail(report('2026-05-18', '2026-05-24')).body).toBe(
      [
        'Обзор SLA за неделю 18.05.2026 — 24.05.2026 (вся команда).',
        '',
        'Экстренные: 100,0 % (в срок 1 из 1; цель 100,0 %) — цель выполнена',
        'Стандартные: 100,0 % (в срок 1 из 1; цель 95,0 %) — цель выполнена',
        'Консультации: 0,0 % (в срок 0 из 1; цель 95,0 %) — цель не выполнена',
        '',
        'Создано обращений: 2.',
        '',
        'Нарушения SLA (1):',
        '- 2026-I «Обращение I», консультации: решено позже срока; срок истёк 19.05.2026 09:00',
        '',
        footer,
        '',
      ].join('\n'),
    );
  });

  it('says so when the week has no breach', () => {
    const body = weeklyReviewMail(report('2026-05-04', '2026-05-10')).body;
    expect(body.split('\n').slice(-4)).toEqual(['Нарушений SLA за неделю нет.', '', footer, '']);
  });

  it('names a breach by its ticket id when the report does not describe the ticket, and writes instants on the workspace’s clock', () => {
    const r = report('2026-05-18', '2026-05-24');
    const breach = r.breached[0]!;
    const { [breach.ticketId]: _dropped, ...others } = r.tickets;
    const body = weeklyReviewMail({ ...r, tickets: others, timeZone: 'Asia/Vladivostok' }).body;
    expect(body).toContain(`- ${breach.ticketId} «», консультации: решено позже срока; срок истёк 19.05.2026 16:00\n`);
  });

  it('joins the reasons of a breach with commas', () => {
    const r = report('2026-05-25', '2026-05-31');
    const both = { ...r.breached[0]!, reasons: ['late_contact' as const, 'late_resolution' as const] };
    expect(weeklyReviewMail({ ...r, breached: [both] }).body).toContain(
      '- 2026-F «Обращение F», экстренные: поздний первый контакт, решено позже срока; срок истёк 26.05.2026 09:15\n',
    );
  });
});
