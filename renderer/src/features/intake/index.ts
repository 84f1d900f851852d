export { IntakeModal } from './IntakeModal.tsx';
