import type { queue as ru } from '../ru/queue.ts';
import type { EnglishOf } from '../messageShape.ts';

export const queue: EnglishOf<typeof ru> = {};
