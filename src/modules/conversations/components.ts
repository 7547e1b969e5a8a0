// What other modules' pages may render from conversations. Apart from index.ts because these are React
// components (.tsx), which only the page bundle compiles (decision 17).

export { ConversationThread } from './ui/conversation-thread.tsx';
export { type ConversationView, conversationView } from './ui/conversation-view.ts';
export { UnreadMessagesLink } from './ui/unread-link.tsx';
// The thread's address, for links on pages (index.ts would bring the server's code into the page bundle).
export { threadPath } from './use-cases/thread-path.ts';
