// The privacy module's tables (consent withdrawals, data exports, requests, incidents, retention).
export * from './data-export-tables.ts';
export * from './retention-tables.ts';
