export { SyncProblemsSection } from './SyncProblemsSection.tsx';
