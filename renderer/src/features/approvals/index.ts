export { ApprovalsSection } from './ApprovalsSection.tsx';
