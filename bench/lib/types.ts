/** What scenarios receive and return. A scenario is a file in bench/scenarios, listed in its index.ts. */
import type { Child } from './children.ts';
import type { LoadRequest, LoadResult, LoadSettings } from './load.ts';

export type Engine = 'embedded' | 'postgres';

export type RunningServer = {
  /** `Virage` or `bare`. */
  name: string;
  url: string;
  pid: number;
  child: Child;
};

/** One request measured on Virage and on the yardstick, side by side. */
export type Comparison = {
  engine: Engine;
  scenario: string;
  virage: LoadResult;
  bare: LoadResult;
};

/**
 * Latency at a fixed request rate (DESIGN §5: p95 under a sustained 100 requests/s): Virage's, which the
 * target applies to, and the yardstick's at the same rate, for what this machine allows at all.
 */
export type Paced = {
  engine: Engine;
  scenario: string;
  rate: number;
  result: LoadResult;
  bare: LoadResult;
};

/** A target of DESIGN §5 and whether this run met it. */
export type Check = {
  engine: Engine;
  target: string;
  measured: string;
  pass: boolean;
  note?: string;
};

export type ScenarioOutput = {
  comparisons: Comparison[];
  paced?: Paced[];
  checks: Check[];
  notes?: string[];
};

export type BenchContext = {
  engine: Engine;
  virage: RunningServer;
  bare: RunningServer;
  /** A personal access token of the benchmark's retailer account (bench@example.ca). */
  token: string;
  /** How many demo retailers the database holds (virage demo generate). */
  retailers: number;
  load: LoadSettings;
  /** Warms up then loads Virage, then the yardstick, with the same request and settings. */
  compare(scenario: string, request: LoadRequest, settings?: Partial<LoadSettings>): Promise<Comparison>;
  /** Loads Virage, then the yardstick, alone at a fixed rate (open loop) and returns their latencies. */
  paced(scenario: string, request: LoadRequest): Promise<Paced>;
  log(message: string): void;
};

export type Scenario = {
  name: string;
  /** The engines it runs on (default: all). */
  engines?: Engine[];
  run(context: BenchContext): Promise<ScenarioOutput>;
};
