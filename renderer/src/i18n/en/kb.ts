import type { kb as ru } from '../ru/kb.ts';
import type { EnglishOf } from '../messageShape.ts';

export const kb: EnglishOf<typeof ru> = {};
