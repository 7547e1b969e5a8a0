// What other modules may use from conversations.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { conversationsPersonalData } from './db/personal-data.ts';
// For the privacy module's retention job, inside its transaction.
export { eraseConversations } from './db/erase-conversations.ts';
export { getConversation } from './use-cases/get-conversation.ts';
export { postMessage, threadPath } from './use-cases/post-message.ts';
