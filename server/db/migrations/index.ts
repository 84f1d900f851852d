/**
 * The schema migrations, in order. Listed statically (not read from the folder) so a bundled
 * build (electron-vite's out/main/embedded.js) carries them. Append only; never edit an applied one.
 */
import { initial } from './001_initial.ts';
import { sessionActivity } from './002_session_activity.ts';
import type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [initial, sessionActivity];
