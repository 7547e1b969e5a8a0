import { requestChecks } from '../lib/checks.ts';
import type { RunningServer, Scenario } from '../lib/types.ts';

const request = { path: '/', headers: { 'Accept-Language': 'fr' }, expect: '<h1>' };

/** The visible page: the body up to the scripts, without the per-request form token. */
async function visiblePage(server: RunningServer): Promise<string> {
  const html = await (await fetch(new URL(request.path, server.url), { headers: request.headers })).text();
  const body = html.slice(html.indexOf('<body'), html.indexOf('<script'));
  return body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
}

/** The public home page, rendered on the server for an anonymous French reader: one query, one React tree. */
export const homePage: Scenario = {
  name: 'home page',
  async run(bench) {
    // The yardstick builds the page's data by hand: make sure it still renders the same page.
    const [virage, bare] = await Promise.all([visiblePage(bench.virage), visiblePage(bench.bare)]);
    const notes =
      virage === bare
        ? []
        : [
            `${bench.engine}: the yardstick's home page differs from Virage's (update homeLoader in ` +
              `bench/bare-server.ts to match the home page loader); Virage ${virage.length} characters, ` +
              `bare ${bare.length}.`,
          ];
    const comparison = await bench.compare('GET / (home page)', request);
    const paced = await bench.paced('GET / (home page)', request);
    return {
      comparisons: [comparison],
      paced: [paced],
      checks: requestChecks(bench, comparison, paced),
      notes,
    };
  },
};
