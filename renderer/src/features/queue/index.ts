export { QueueSection } from './QueueSection.tsx';
