export { ArchiveSection } from './ArchiveSection.tsx';
export { ArchiveResults } from './ArchiveResults.tsx';
export { useArchiveSearch } from './useArchiveSearch.ts';
