import type { Config } from '../platform/config.ts';
import type { RunningServices } from '../wiring/services.ts';

/** Where a command writes; captured when the command runs inside the server for the CLI. */
export type Io = { out(text: string): void; err(text: string): void; stdin: string | undefined };

export type OptionSpec = { type: 'string' | 'boolean'; description: string; required?: boolean };

export type Command = {
  /** Words after `virage`, e.g. `users create`. */
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /**
   * `services`: needs the database (run inside the running server when it holds the embedded data folder);
   * `offline`: must run with no server on the folder (restore).
   */
  needs: 'services' | 'offline';
  run(
    args: Record<string, string | boolean | undefined>,
    io: Io,
    env: { config: Config; services?: RunningServices },
  ): Promise<number>;
};

export class UsageError extends Error {}
