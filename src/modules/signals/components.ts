// What other modules' pages may render from signals (apart from index.ts: decision 17).

export { OpenSignals, type SignalCard, signalCard } from './ui/signal-parts.tsx';
