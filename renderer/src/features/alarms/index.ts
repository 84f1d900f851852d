export { AlarmCenter } from './AlarmCenter.tsx';
export { AlarmBanners } from './AlarmBanners.tsx';
