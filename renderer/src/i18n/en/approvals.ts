import type { approvals as ru } from '../ru/approvals.ts';
import type { EnglishOf } from '../messageShape.ts';

export const approvals: EnglishOf<typeof ru> = {};
