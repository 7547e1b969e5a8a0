import { z } from 'zod';
import { instant } from '../../../platform/http/present.ts';
import { SIDES } from '../domain/sides.ts';
import type { Conversation, ConversationMessage } from '../use-cases/get-conversation.ts';

export const message = z.object({
  id: z.uuid(),
  author: z.object({ name: z.string(), role: z.string(), side: z.enum(SIDES) }),
  mine: z.boolean().describe('Written by the caller'),
  body: z.string(),
  createdAt: z.iso.datetime(),
  unread: z.boolean().describe('Not read by the caller before this reading'),
  readBy: z
    .array(z.object({ name: z.string(), role: z.string(), at: z.iso.datetime() }))
    .describe('Read receipts: those of the other side who have read the thread since this message'),
});

export const conversation = z.object({
  applicationId: z.uuid(),
  business: z.string().nullable(),
  messages: z.array(message).describe('Oldest first: the newest message is the last'),
});

export const presentMessage = (m: ConversationMessage): z.input<typeof message> => ({
  ...m,
  createdAt: instant(m.createdAt),
  readBy: m.readBy.map((r) => ({ ...r, at: instant(r.at) })),
});

export const presentConversation = (c: Conversation): z.input<typeof conversation> => ({
  ...c,
  messages: c.messages.map(presentMessage),
});
