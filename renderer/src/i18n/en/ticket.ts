import type { ticket as ru } from '../ru/ticket.ts';
import type { EnglishOf } from '../messageShape.ts';

export const ticket: EnglishOf<typeof ru> = {};
