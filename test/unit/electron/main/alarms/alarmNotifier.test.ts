import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FiredAlarm, Locale } from '../../../../../shared/host.ts';
import { spec } from '../../../shared/alarms/alarmFactory.ts';
import { FakeNotification, resetFakeElectron } from '../fakeElectron.ts';

vi.mock('electron', () => import('../fakeElectron.ts').then((m) => m.electronModule));

const { AlarmNotifier } = await import('../../../../../electron/main/alarms/alarmNotifier.ts');

function notifier(options: { locale?: Locale; sound?: boolean } = {}) {
  const calls = { shown: 0, opened: [] as string[], fired: [] as FiredAlarm[] };
  const n = new AlarmNotifier({
    showWindow: () => {
      calls.shown += 1;
    },
    openTicket: (id) => calls.opened.push(id),
    reportFired: (fired) => calls.fired.push(fired),
    locale: () => options.locale ?? 'ru',
    soundEnabled: () => options.sound ?? true,
  });
  return { n, calls };
}

const emergencyArrival = spec({
  ticketId: 't-1',
  metric: 'arrival',
  stage: 'arrived',
  severity: 'critical',
  title: 'Экстренное обращение №101',
  body: 'ЖК — шлагбаум',
});
const standardWarning = spec({
  ticketId: 't-2',
  metric: 'resolution',
  stage: 'warning',
  severity: 'normal',
  title: '№202: до срока решения 1 рабочий час',
});

beforeEach(() => resetFakeElectron());

describe('AlarmNotifier', () => {
  it('shows an emergency with critical urgency, no timeout, and the app tone instead of the system sound', () => {
    const { n } = notifier();
    n.raise({ alarm: emergencyArrival, late: false }, 1_000);
    expect(FakeNotification.instances[0]?.options).toMatchObject({
      title: 'Экстренное обращение №101',
      body: 'ЖК — шлагбаум',
      urgency: 'critical',
      timeoutType: 'never',
      silent: true,
    });
    expect(FakeNotification.instances[0]?.shown).toBe(true);
  });

  it('keeps the system sound for an emergency when the app tone is switched off', () => {
    notifier({ sound: false }).n.raise({ alarm: emergencyArrival, late: false }, 1_000);
    expect(FakeNotification.instances[0]?.options.silent).toBe(false);
  });

  it('shows standard alarms quieter: normal urgency and the default timeout', () => {
    notifier().n.raise({ alarm: standardWarning, late: false }, 1_000);
    expect(FakeNotification.instances[0]?.options).toMatchObject({ urgency: 'normal', timeoutType: 'default' });
  });

  it('reports every fired alarm to the renderer (banner, sound)', () => {
    const { n, calls } = notifier();
    n.raise({ alarm: emergencyArrival, late: true }, 5_000);
    expect(calls.fired).toEqual([{ ...emergencyArrival, firedAt: 5_000, late: true, shownNatively: true }]);
  });

  it("marks a late alarm in its title, in the user's language", () => {
    notifier().n.raise({ alarm: emergencyArrival, late: true }, 1);
    notifier({ locale: 'en' }).n.raise({ alarm: { ...emergencyArrival, title: 'Emergency ticket #101' }, late: true }, 1);
    expect(FakeNotification.instances.map((i) => i.options.title)).toEqual([
      'Экстренное обращение №101 (с опозданием)',
      'Emergency ticket #101 (late)',
    ]);
  });

  it('a click shows the window and opens the ticket', () => {
    const { n, calls } = notifier();
    n.raise({ alarm: emergencyArrival, late: false }, 1);
    FakeNotification.instances[0]!.click();
    expect(calls.shown).toBe(1);
    expect(calls.opened).toEqual(['t-1']);
  });

  it('holds each notification until it is clicked or closed', () => {
    const { n } = notifier();
    n.raise({ alarm: emergencyArrival, late: false }, 1);
    n.raise({ alarm: standardWarning, late: false }, 1);
    expect(n.held).toBe(2);
    FakeNotification.instances[0]!.click();
    expect(n.held).toBe(1);
    FakeNotification.instances[1]!.close();
    expect(n.held).toBe(0);
  });

  it('without system notifications: nothing native, the renderer is told to show its banner', () => {
    FakeNotification.supported = false;
    const { n, calls } = notifier();
    n.raise({ alarm: emergencyArrival, late: false }, 1);
    expect(FakeNotification.instances).toEqual([]);
    expect(calls.fired[0]).toMatchObject({ ticketId: 't-1', shownNatively: false });
  });

  it('notify() raises one notification now; its click opens the ticket when one is given', () => {
    const { n, calls } = notifier();
    expect(n.notify({ title: 'Проверка', body: 'Уведомления работают', severity: 'normal' })).toBe(true);
    FakeNotification.instances[0]!.click();
    expect(calls.shown).toBe(1);
    expect(calls.opened).toEqual([]);
    n.notify({ title: 'x', body: '', severity: 'critical', ticketId: 't-9' });
    FakeNotification.instances[1]!.click();
    expect(calls.opened).toEqual(['t-9']);
  });
});
