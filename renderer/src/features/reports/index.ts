export { ReportsSection } from './ReportsSection.tsx';
