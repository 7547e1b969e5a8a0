// What other modules may use from conversations.

// For the privacy module's retention job, inside its transaction.
export { eraseConversations } from './db/erase-conversations.ts';
// Its part of a person's copy of their data (the privacy module assembles every module's).
export { conversationsPersonalData } from './db/personal-data.ts';
export { countUnreadMessages, type UnreadMessages } from './use-cases/count-unread-messages.ts';
export { getConversation } from './use-cases/get-conversation.ts';
export { postMessage } from './use-cases/post-message.ts';
export { threadPath } from './use-cases/thread-path.ts';
