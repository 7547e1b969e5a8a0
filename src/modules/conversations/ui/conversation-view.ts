import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { MAX_MESSAGE_LENGTH } from '../domain/sides.ts';
import type { Conversation } from '../use-cases/get-conversation.ts';

/** A thread as its pages show it: times written out in Montréal, in the reader's language. */
export function conversationView(conversation: Conversation, locale: Locale) {
  return {
    applicationId: conversation.applicationId,
    /** The longest message, written out (« 4 000 »). */
    max: formatNumber(MAX_MESSAGE_LENGTH, locale),
    messages: conversation.messages.map((m) => ({
      ...m,
      createdAt: formatDateTime(m.createdAt, locale),
      readBy: m.readBy.map((r) => ({ name: r.name, at: formatDateTime(r.at, locale) })),
    })),
  };
}

export type ConversationView = ReturnType<typeof conversationView>;
