/** The result tables: plain text for the terminal, Markdown for bench/RESULTS.md. */
import type { LoadResult, LoadSettings } from './load.ts';
import type { Machine } from './machine.ts';
import type { Check, Comparison, Engine, Paced } from './types.ts';

export type ProcessFigures = {
  engine: Engine;
  /** Spawn → first 200 from /healthz, each start on the existing data. */
  startupsMs: number[];
  /** What Virage printed ("started in N ms"): its own code, after Node has loaded. */
  selfReportedMs: number[];
  /** The very first start (empty database: migrations, default program). */
  firstStartMs: number;
  virageMemory?: { rssMiB: number; peakMiB: number };
  bareMemory?: { rssMiB: number; peakMiB: number };
};

export type Report = {
  machine: Machine;
  load: LoadSettings;
  retailers: number;
  nodeEnv: { virage: string; bare: string };
  processes: ProcessFigures[];
  comparisons: Comparison[];
  paced: Paced[];
  checks: Check[];
  notes: string[];
  totalSeconds: number;
};

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-CA') : '—');
const ms1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const latency = (r: LoadResult) => `${ms1(r.p50)} / ${ms1(r.p95)} / ${ms1(r.p99)}`;
const failures = (r: LoadResult) => (r.errors || r.non2xx ? `${r.errors} err, ${r.non2xx} non-2xx` : '0');
const cores = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
const mib = (m?: { rssMiB: number; peakMiB: number }) =>
  m ? `${m.rssMiB.toFixed(0)} MiB (peak ${m.peakMiB.toFixed(0)})` : '—';

type Table = { headers: string[]; rows: string[][]; right?: number[] };

function throughputTable(report: Report): Table {
  return {
    headers: [
      'Engine',
      'Request',
      'Virage req/s',
      'Bare req/s',
      'Virage/bare',
      'Virage p50/p95/p99 ms',
      'Bare p50/p95/p99 ms',
      'Bytes V/B',
      'Failures V/B',
      'Server CPU V/B',
      'Other CPU V/B',
    ],
    right: [2, 3, 4],
    rows: report.comparisons.map((c) => [
      c.engine,
      c.scenario,
      int(c.virage.rps),
      int(c.bare.rps),
      `${((c.virage.rps / c.bare.rps) * 100).toFixed(0)} %`,
      latency(c.virage),
      latency(c.bare),
      `${int(c.virage.bytesPerResponse)} / ${int(c.bare.bytesPerResponse)}`,
      `${failures(c.virage)} / ${failures(c.bare)}`,
      `${cores(c.virage.serverCores)} / ${cores(c.bare.serverCores)}`,
      `${cores(c.virage.otherCores)} / ${cores(c.bare.otherCores)}`,
    ]),
  };
}

function pacedTable(report: Report): Table {
  return {
    headers: [
      'Engine',
      'Request',
      'Rate asked',
      'Achieved',
      'Virage p50/p95/p99 ms',
      'Max ms',
      'Bare p50/p95/p99 ms',
      'Other CPU',
    ],
    right: [2, 3, 5],
    rows: report.paced.map((p) => [
      p.engine,
      p.scenario,
      `${p.rate} req/s`,
      `${int(p.result.rps)} req/s`,
      latency(p.result),
      ms1(p.result.max),
      latency(p.bare),
      cores(p.result.otherCores),
    ]),
  };
}

function processTable(report: Report): Table {
  return {
    headers: [
      'Engine',
      'Start-up, existing data (median)',
      'Each start',
      'Self-reported',
      'First start',
      'Virage RSS after load',
      'Bare RSS',
    ],
    rows: report.processes.map((p) => [
      p.engine,
      `${int(median(p.startupsMs))} ms`,
      p.startupsMs.map(int).join(', '),
      p.selfReportedMs.map(int).join(', '),
      Number.isFinite(p.firstStartMs) ? `${int(p.firstStartMs)} ms` : '— (rebuilt)',
      mib(p.virageMemory),
      mib(p.bareMemory),
    ]),
  };
}

function checksTable(report: Report): Table {
  return {
    headers: ['Engine', 'Target (DESIGN §5)', 'Measured', 'Result'],
    rows: report.checks.map((c) => [c.engine, c.target, c.measured, c.pass ? 'PASS' : 'FAIL']),
  };
}

function text({ headers, rows, right = [] }: Table): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdown({ headers, rows, right = [] }: Table): string {
  const cellText = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${headers.map(cellText).join(' | ')} |`,
    `|${headers.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cellText).join(' | ')} |`),
  ].join('\n');
}

function machineLine(report: Report): string {
  const m = report.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}`;
}

function settingsLine(report: Report): string {
  const l = report.load;
  return (
    `autocannon, ${l.connections} connections, ${l.warmup} s warm-up then ${l.duration} s measured per server ` +
    `and request in ${l.rounds} turns (healthz: shorter); ${report.retailers.toLocaleString('en-CA')} demo retailers (virage demo generate); ` +
    `NODE_ENV: Virage ${report.nodeEnv.virage}, bare ${report.nodeEnv.bare}`
  );
}

export function renderText(report: Report): string {
  const checkNotes = report.checks.filter((c) => c.note).map((c) => `  ${c.engine} · ${c.target}: ${c.note}`);
  return [
    '',
    `Virage benchmark — ${report.machine.date} — code ${report.machine.revision}`,
    machineLine(report),
    settingsLine(report),
    '',
    'Throughput (closed loop), Virage next to the bare yardstick',
    text(throughputTable(report)),
    '',
    'Latency at a sustained rate (Virage, then the yardstick, each alone)',
    text(pacedTable(report)),
    '',
    'Processes',
    text(processTable(report)),
    '',
    'Targets',
    text(checksTable(report)),
    ...(checkNotes.length ? ['', 'Notes on targets', ...new Set(checkNotes)] : []),
    ...(report.notes.length ? ['', ...report.notes.map((n) => `Note: ${n}`)] : []),
    '',
    `${report.checks.filter((c) => c.pass).length}/${report.checks.length} targets met; run took ${report.totalSeconds.toFixed(0)} s. Written to bench/RESULTS.md.`,
    '',
  ].join('\n');
}

export function renderMarkdown(report: Report): string {
  const checkNotes = [...new Set(report.checks.filter((c) => c.note).map((c) => `${c.target}: ${c.note}`))];
  return `# Benchmark results

Written by \`npm run bench\` (bench/run.ts); see DESIGN §5 for the targets. Re-run to refresh.

- **Date:** ${report.machine.date}
- **Code:** ${report.machine.revision}
- **Machine:** ${machineLine(report)}
- **Load:** ${settingsLine(report)}
- **Run time:** ${report.totalSeconds.toFixed(0)} s

## Throughput

Virage and the bare yardstick (bench/bare-server.ts: a plain \`node:http\` server running the same SQL and
rendering the same built React tree with react-router's static data router and react-dom/server, without
Hono, the framework request handler, authentication, CSRF, security headers or per-request i18n) measured
one after the other in the same run, with the same connections, duration and database contents.
Latencies are client-side, at saturation, for 2xx responses. CPU columns are in cores, averaged over the
measured turns: the loaded server's own use, and what processes outside the benchmark used meanwhile.

${markdown(throughputTable(report))}

## Latency at a sustained rate

DESIGN §5 sets the latency budgets "under a sustained 100 requests/s": Virage alone, each request type
paced at that rate (one request every 10 ms, each sent when due: an open loop) after the throughput runs; then the yardstick
alone at the same rate, for reference (the target applies to Virage). The load generator shares the
machine's cores with the server: latencies are client-side.

${markdown(pacedTable(report))}

## Processes

Start-up: from spawning \`node src/server/main.ts\` on the already initialised data (folder or database)
until \`GET /healthz\` answers 200. RSS: \`VmRSS\` (and \`VmHWM\`) of the server process after the load.

${markdown(processTable(report))}

## Targets

${markdown(checksTable(report))}
${checkNotes.length ? `\n${checkNotes.map((n) => `- ${n}`).join('\n')}\n` : ''}${
  report.notes.length ? `\n## Notes\n\n${report.notes.map((n) => `- ${n}`).join('\n')}\n` : ''
}`;
}
