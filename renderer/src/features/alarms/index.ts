export { AlarmCenter } from './AlarmCenter.tsx';
