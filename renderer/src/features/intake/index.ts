export { IntakeModal } from './IntakeModal.tsx';
export { useClients } from './intakeQueries.ts';
