import { common } from './common.ts';
import { settings } from './settings.ts';
import { shell } from './shell.ts';

export const en = { common, shell, settings };
