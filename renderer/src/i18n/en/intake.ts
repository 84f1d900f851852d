import type { intake as ru } from '../ru/intake.ts';
import type { EnglishOf } from '../messageShape.ts';

export const intake: EnglishOf<typeof ru> = {};
