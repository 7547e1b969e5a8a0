import { requestChecks } from '../lib/checks.ts';
import type { RunningServer, Scenario } from '../lib/types.ts';

/** A typical API read: the account behind a personal access token (one indexed join). */
export const apiMe: Scenario = {
  name: 'api me',
  async run(bench) {
    const request = {
      path: '/api/v1/me',
      headers: { Authorization: `Bearer ${bench.token}`, Accept: 'application/json' },
      expect: '"email":"bench@example.ca"',
    };
    const body = async (server: RunningServer) =>
      (await fetch(new URL(request.path, server.url), { headers: request.headers })).json();
    const [virage, bare] = await Promise.all([body(bench.virage), body(bench.bare)]);
    const notes =
      JSON.stringify(virage) === JSON.stringify(bare)
        ? []
        : [
            `${bench.engine}: the yardstick's /api/v1/me answer differs from Virage's (update bench/bare-server.ts).`,
          ];
    const comparison = await bench.compare('GET /api/v1/me', request);
    const paced = await bench.paced('GET /api/v1/me', request);
    return {
      comparisons: [comparison],
      paced: [paced],
      checks: requestChecks(bench, comparison, paced),
      notes,
    };
  },
};
