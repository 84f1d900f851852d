export { IntakeModal } from './IntakeModal.tsx';
export { useClientDirectory, useClients } from './intakeQueries.ts';
