/**
 * Which incoming mail must never be answered automatically: auto-replies and bulk mail
 * (Auto-Submitted, Precedence, the X-Autoreply family), mailer-daemons, and the desk's own
 * addresses. Answering any of them can start a mail loop between two robots.
 */

export interface AutomaticMailHeaders {
  from: string;
  autoSubmitted?: string | undefined;
  precedence?: string | undefined;
  xAutoreply?: string | undefined;
  xAutoResponseSuppress?: string | undefined;
  contentType?: string | undefined;
}

const robotLocalParts = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-].*)?$/i;

export function isRobotAddress(address: string): boolean {
  const local = address.split('@')[0] ?? '';
  return robotLocalParts.test(local.trim());
}

/** A delivery status notification (a bounce): multipart/report; report-type=delivery-status. */
export function isBounce(headers: AutomaticMailHeaders): boolean {
  const type = (headers.contentType ?? '').toLowerCase();
  if (type.includes('multipart/report') && type.includes('delivery-status')) return true;
  return /^(mailer-daemon|postmaster)$/i.test((headers.from.split('@')[0] ?? '').trim());
}

/** Why this mail must get no automatic answer, or null when it may. */
export function automaticAnswerBlocked(headers: AutomaticMailHeaders, ownAddresses: readonly string[]): string | null {
  const from = headers.from.trim().toLowerCase();
  if (!from) return 'no_sender';
  if (ownAddresses.some((a) => a.trim().toLowerCase() === from)) return 'own_address';
  if (isRobotAddress(from)) return 'robot_sender';
  const autoSubmitted = (headers.autoSubmitted ?? '').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  const precedence = (headers.precedence ?? '').trim().toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return 'precedence';
  if (headers.xAutoreply) return 'auto_reply';
  if (/\b(all|oof|autoreply)\b/i.test(headers.xAutoResponseSuppress ?? '')) return 'auto_reply';
  if (isBounce(headers)) return 'bounce';
  return null;
}
