// What other modules' pages may render from coaching. Apart from index.ts because these are React
// components (.tsx): index.ts is also loaded by the server and the CLI straight from the sources, where
// Node strips types but does not compile JSX; only the page bundle imports this file.

export { ACTION_NOTE_MAX, ACTION_STATUSES } from './domain/plan.ts';
export { MyCoaching, type MyCoachingView, myCoachingView } from './ui/my-coaching.tsx';
export { SessionSummary } from './ui/session-summary.tsx';
