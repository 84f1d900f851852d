import type { problems as ru } from '../ru/problems.ts';
import type { EnglishOf } from '../messageShape.ts';

export const problems: EnglishOf<typeof ru> = {};
