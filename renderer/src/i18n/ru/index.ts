import { common } from './common.ts';
import { settings } from './settings.ts';
import { shell } from './shell.ts';

/** Every room's Russian messages, one key per room. */
export const ru = { common, shell, settings };
