// The privacy module's tables (consent withdrawals, data exports, requests, incidents, retention).
export * from './retention-tables.ts';
