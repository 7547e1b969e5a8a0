import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type Metrics = { registry: Registry; httpDuration: Histogram<'method' | 'route' | 'status'> };

/** Prometheus metrics of this process: default Node metrics and request durations per route. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'virage_' });
  const httpDuration = new Histogram({
    name: 'virage_http_request_duration_seconds',
    help: 'Server time per request',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpDuration };
}
