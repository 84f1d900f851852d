/**
 * The alarms shown as banners inside the window: every alarm the system could not show, and every
 * emergency (also shown natively, so the manager sees it on the screen they are looking at); one
 * per ticket and deadline, its newest.
 * A banner goes when dismissed or opened, or when its ticket's metric leaves the alarm list
 * (contact logged, ticket resolved or taken by someone else).
 */
import { create } from 'zustand';
import { alarmKey, type AlarmSpec, type FiredAlarm } from '#shared/host.ts';

const maxBanners = 20;

interface AlarmBannerStore {
  /** Newest first. */
  banners: FiredAlarm[];
  show(alarm: FiredAlarm): void;
  dismiss(key: string): void;
  dismissAll(): void;
  /** Keeps only banners whose (ticket, metric) is still in the scheduled list. */
  retainScheduled(list: readonly AlarmSpec[]): void;
}

const metricKey = (a: Pick<AlarmSpec, 'ticketId' | 'metric'>): string => `${a.ticketId}:${a.metric}`;
/** An emergency's arrival is the start of its first-contact clock: a later alarm of it replaces it. */
const bannerGroup = (a: Pick<AlarmSpec, 'ticketId' | 'metric'>): string =>
  `${a.ticketId}:${a.metric === 'arrival' ? 'firstContact' : a.metric}`;

export const useAlarmBannerStore = create<AlarmBannerStore>((set, get) => ({
  banners: [],
  show(alarm) {
    // One banner per ticket and deadline: its newest alarm (the warning after the arrival, the
    // breach after the warning) says what the older ones did; the notifications keep the history.
    const group = bannerGroup(alarm);
    set({ banners: [alarm, ...get().banners.filter((b) => bannerGroup(b) !== group)].slice(0, maxBanners) });
  },
  dismiss(key) {
    set({ banners: get().banners.filter((b) => alarmKey(b) !== key) });
  },
  dismissAll() {
    set({ banners: [] });
  },
  retainScheduled(list) {
    const live = new Set(list.map(metricKey));
    const banners = get().banners.filter((b) => live.has(metricKey(b)));
    if (banners.length !== get().banners.length) set({ banners });
  },
}));

/** Whether a fired alarm gets a banner in the window (see the file comment). */
export function needsBanner(alarm: FiredAlarm): boolean {
  return !alarm.shownNatively || alarm.severity === 'critical';
}
