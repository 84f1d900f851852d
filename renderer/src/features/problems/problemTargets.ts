/** Where the manager goes to correct a refused document: the section that edits it. */
import type { CollectionName } from '#shared/protocol.ts';
import type { Section } from '../../state/routeStore.ts';

const editors: Partial<Record<CollectionName, Section>> = {
  tickets: 'queue',
  kb: 'kb',
  templates: 'scripts',
};

export function editorSectionOf(collection: CollectionName): Section | null {
  return editors[collection] ?? null;
}
