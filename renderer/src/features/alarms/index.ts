export { AlarmCenter } from './AlarmCenter.tsx';
export { AlarmBanners } from './AlarmBanners.tsx';
export { lastScheduledAlarms } from './scheduledAlarms.ts';
