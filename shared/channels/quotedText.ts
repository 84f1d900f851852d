/**
 * Splits a client's message into what is new and what is history: the quoted earlier messages
 * (lines starting with `>`, an «… писал(а):» / "On … wrote:" header, an Outlook "Original
 * Message" block) and the signature (after a `-- ` line). The timeline shows the new part and
 * folds the rest; nothing is thrown away.
 */

export interface SplitMessage {
  visible: string;
  folded: string;
}

const historyStarts: readonly RegExp[] = [
  /^\s*-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)\s*-{2,}\s*$/i,
  // «Пн, 2 дек. 2026 г. в 10:00, Поддержка <s@p.ru> пишет:», "On Mon, ... wrote:"
  /^.{0,300}(^|\s)(wrote|пишет|написал|написала|писал|писала)(\(а\))?\s*:\s*$/i,
  /^\s*(from|от)\s*:\s*.+$/i,
  /^\s*>/,
];

const signatureStart = /^(--|-- |__+|с уважением,?|best regards,?|regards,?|отправлено с (iphone|android|моего).*)\s*$/i;

export function splitQuoted(text: string): SplitMessage {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isHeaderLike = /^\s*(from|от)\s*:/i.test(line);
    // A From: line counts as history only when it heads a block (a Subject/Sent line follows soon).
    if (isHeaderLike && !lines.slice(i + 1, i + 5).some((l) => /^\s*(sent|subject|отправлено|тема|date|дата)\s*:/i.test(l))) {
      continue;
    }
    if (historyStarts.some((re) => re.test(line))) {
      cut = i;
      break;
    }
  }
  let end = cut;
  for (let i = 0; i < cut; i++) {
    if (signatureStart.test(lines[i]!.trim() === '--' ? '--' : lines[i]!)) {
      end = i;
      break;
    }
  }
  const visible = lines.slice(0, end).join('\n').trim();
  const folded = lines.slice(end).join('\n').trim();
  // A message that is nothing but a quote keeps it visible: an empty bubble says nothing.
  if (!visible) return { visible: text.trim(), folded: '' };
  return { visible, folded };
}
