export { KbSection } from './KbSection.tsx';
