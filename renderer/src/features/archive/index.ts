export { ArchiveSection } from './ArchiveSection.tsx';
export { searchArchive } from './archiveSearch.ts';
