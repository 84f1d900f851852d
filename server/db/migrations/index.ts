/**
 * The schema migrations, in order. Listed statically (not read from the folder) so a bundled
 * build (electron-vite's out/main/embedded.js) carries them. Append only; never edit an applied one.
 */
import { initial } from './001_initial.ts';
import { eventTicketIndex } from './002_event_ticket_index.ts';
import { archiveSearch } from './003_archive_search.ts';
import type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [initial, eventTicketIndex, archiveSearch];
