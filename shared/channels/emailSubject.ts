/**
 * The ticket number in an email subject: `[PASS24 #2026-000123]`. Every message the desk sends
 * carries it, so a client's answer finds its ticket even when the mail client drops the
 * In-Reply-To and References headers.
 */

const tagPattern = /\[\s*PASS24\s*#\s*(\d{4}-\d{6})\s*\]/i;

export function ticketTag(number: string): string {
  return `[PASS24 #${number}]`;
}

/** The ticket number a subject names, or null. */
export function numberInSubject(subject: string): string | null {
  return tagPattern.exec(subject)?.[1] ?? null;
}

/** `Re: <subject> [PASS24 #number]`, without piling up prefixes or tags. */
export function replySubject(ticketSubject: string, number: string | null): string {
  const bare = ticketSubject
    .replace(tagPattern, '')
    .replace(/^\s*((re|fwd?|ответ|отв|на)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .trim();
  const tag = number ? ` ${ticketTag(number)}` : '';
  return `Re: ${bare || 'обращение'}${tag}`;
}

/** The subject a new ticket gets from a message: without Re:/Fwd: prefixes, never empty. */
export function ticketSubjectOf(subject: string | undefined): string {
  const bare = (subject ?? '')
    .replace(tagPattern, '')
    .replace(/^\s*((re|fwd?|ответ|отв|на)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return bare || '(без темы)';
}
