import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  ssr: true,
  // Route modules are small; one request per navigation matters more than a few kilobytes.
  routeDiscovery: { mode: 'initial' },
} satisfies Config;
