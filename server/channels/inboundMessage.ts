/** A received message, whatever the channel, as `receiveMessage` files it. */

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface InboundMessage {
  channelId: string;
  /** The channel's own id of the message (email: Message-ID, or a stable stand-in). */
  messageId: string;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string } | null;
  subject: string;
  /** Plain text (HTML-only mail already converted: never HTML). */
  text: string;
  receivedAt: number;
  attachments: Attachment[];
  /** Attachments refused by the limits: name and size, for the timeline. */
  refusedAttachments: Array<{ filename: string; size: number }>;
  /** The raw message, kept as the full original ('' when not kept). */
  raw: Buffer | null;
  headers: {
    autoSubmitted?: string | undefined;
    precedence?: string | undefined;
    xAutoreply?: string | undefined;
    xAutoResponseSuppress?: string | undefined;
    contentType?: string | undefined;
  };
  /** For a bounce: the Message-ID of the message that failed, and why. */
  bounce: { originalMessageId: string; reason: string } | null;
  /**
   * A messenger chat (absent for mail): the message joins the chat's current ticket rather than
   * a thread of message ids; `fresh` (the client's /new) opens a new ticket whatever is open.
   */
  conversation?: { chat: string; fresh: boolean } | undefined;
}

/** Limits of what the endpoint stores from one message. */
export const attachmentLimits = {
  file: 10 * 1024 * 1024,
  message: 25 * 1024 * 1024,
} as const;
