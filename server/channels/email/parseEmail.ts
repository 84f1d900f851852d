/**
 * A raw RFC 5322 message to an InboundMessage, with mailparser: charsets (UTF-8, Windows-1251,
 * KOI8-R, ...), quoted-printable and base64 bodies and encoded headers are decoded by it. HTML is
 * never kept as HTML: HTML-only mail is turned into text (html-to-text) with scripts, styles,
 * images and link targets dropped, so nothing in it can run or call out. Attachments over the
 * limits are refused by name.
 */
import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { attachmentLimits, type Attachment, type InboundMessage } from '../inboundMessage.ts';

const idPattern = /<[^<>\s]+>/g;

function ids(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  const found = joined.match(idPattern);
  return found ? found.map((id) => id.toLowerCase()) : [];
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  for (const group of list) {
    for (const entry of group.value) {
      if (entry.address) return { address: entry.address.trim().toLowerCase(), name: (entry.name ?? '').trim() };
    }
  }
  return null;
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) {
    const v = (value as { value: unknown; params?: Record<string, string> }).value;
    const params = (value as { params?: Record<string, string> }).params ?? {};
    return [String(v), ...Object.entries(params).map(([k, p]) => `${k}=${p}`)].join('; ');
  }
  return String(value);
}

/** The failed message's id and the reason, from a delivery status notification. */
function bounceOf(parsed: ParsedMail, contentType: string | undefined): InboundMessage['bounce'] {
  if (!(contentType ?? '').toLowerCase().includes('multipart/report')) return null;
  let originalMessageId = '';
  let reason = '';
  // mailparser inlines the message/delivery-status part into the text; older ones attach it.
  const reports = [parsed.text ?? ''];
  for (const part of parsed.attachments) {
    const text = part.content.toString('utf8');
    const type = part.contentType.toLowerCase();
    if (type === 'message/delivery-status') reports.push(text);
    else if (type === 'message/rfc822' || type === 'text/rfc822-headers') {
      originalMessageId = /^Message-ID:\s*(<[^>]+>)/im.exec(text)?.[1]?.toLowerCase() ?? originalMessageId;
    }
  }
  for (const text of reports) {
    const diagnostic = /^Diagnostic-Code:\s*(.+(?:\r?\n[ \t].+)*)/im.exec(text)?.[1];
    const status = /^Status:\s*(\d\.\d+\.\d+)/im.exec(text)?.[1];
    const found = (diagnostic ?? (status ? `status ${status}` : '')).replace(/\s+/g, ' ').trim();
    if (found) {
      reason = found;
      break;
    }
  }
  if (!originalMessageId) originalMessageId = ids(parsed.inReplyTo)[0] ?? '';
  if (!originalMessageId) return null;
  return { originalMessageId, reason: reason || 'письмо не доставлено (уведомление о недоставке)' };
}

const htmlOptions = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
  ],
};

/** The plain text of a message; HTML-only mail converted, never passed on as HTML. */
function textOf(parsed: ParsedMail): string {
  if (parsed.text && parsed.text.trim()) return parsed.text;
  if (typeof parsed.html === 'string' && parsed.html) return convert(parsed.html, htmlOptions);
  return '';
}

export async function parseEmail(raw: Buffer, channelId: string, receivedAt: number): Promise<InboundMessage> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const contentType = headerText(parsed, 'content-type');
  // A message without a Message-ID still needs a stable id: the same message fetched twice is one.
  const messageId = ids(parsed.messageId)[0] ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@pass24.local>`;

  const attachments: Attachment[] = [];
  const refusedAttachments: InboundMessage['refusedAttachments'] = [];
  let total = 0;
  for (const part of parsed.attachments) {
    if (part.contentType === 'message/delivery-status') continue;
    const filename = part.filename ?? (part.contentType === 'message/rfc822' ? 'message.eml' : 'attachment');
    if (part.size > attachmentLimits.file || total + part.size > attachmentLimits.message) {
      refusedAttachments.push({ filename, size: part.size });
      continue;
    }
    total += part.size;
    attachments.push({ filename, contentType: part.contentType, content: part.content });
  }

  return {
    channelId,
    messageId,
    inReplyTo: ids(parsed.inReplyTo),
    references: ids(parsed.references),
    from: firstAddress(parsed.from),
    subject: parsed.subject ?? '',
    text: textOf(parsed)
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    receivedAt,
    attachments,
    refusedAttachments,
    raw: raw.length <= attachmentLimits.message ? raw : null,
    headers: {
      autoSubmitted: headerText(parsed, 'auto-submitted'),
      precedence: headerText(parsed, 'precedence'),
      xAutoreply: headerText(parsed, 'x-autoreply') ?? headerText(parsed, 'x-autorespond'),
      xAutoResponseSuppress: headerText(parsed, 'x-auto-response-suppress'),
      contentType,
    },
    bounce: bounceOf(parsed, contentType),
  };
}
