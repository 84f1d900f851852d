export { AdminSection } from './AdminSection.tsx';
