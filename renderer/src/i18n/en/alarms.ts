import type { alarms as ru } from '../ru/alarms.ts';
import type { EnglishOf } from '../messageShape.ts';

export const alarms: EnglishOf<typeof ru> = {};
