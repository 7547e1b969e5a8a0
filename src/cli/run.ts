import { parseArgs } from 'node:util';
import { isAppError } from '../platform/errors.ts';
import { localiseError } from '../platform/http/problem.ts';
import type { RunningServices } from '../wiring/services.ts';
import { type Command, type Io, UsageError } from './command.ts';
import { commands } from './commands/index.ts';

export function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

export function parseCommandArgs(command: Command, rest: string[]) {
  const { values } = parseArgs({
    args: rest,
    options: {
      ...Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])),
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = values as Record<string, string | boolean | undefined>;
  if (!parsed.help) {
    for (const [name, option] of Object.entries(command.options)) {
      if (option.required && parsed[name] === undefined)
        throw new UsageError(`--${name} is required (see --help)`);
    }
  }
  return parsed;
}

export function commandHelp(command: Command): string {
  const lines = [
    `Usage: npx virage ${command.name} ${Object.entries(command.options)
      .map(([k, o]) => (o.required ? `--${k} <${k}>` : o.type === 'boolean' ? `[--${k}]` : `[--${k} <${k}>]`))
      .join(' ')}`,
    '',
    command.summary,
    '',
  ];
  for (const [name, option] of Object.entries(command.options))
    lines.push(`  --${name.padEnd(12)} ${option.description}${option.required ? ' (required)' : ''}`);
  lines.push('  --help         show this help');
  return lines.join('\n');
}

export function globalHelp(): string {
  return [
    'Usage: npx virage <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
    '',
    'Run `npx virage <command> --help` for the options of a command.',
    'Settings come from the same environment variables as the server (DATA_DIR, DATABASE_URL, …).',
  ].join('\n');
}

/** Runs a command against open services (in the CLI process, or inside the server for the CLI). */
export async function runInProcess(argv: string[], io: Io, services: RunningServices): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command: ${argv.join(' ')}`);
    return 2;
  }
  try {
    const args = parseCommandArgs(found.command, found.rest);
    const code = await found.command.run(args, io, { config: services.config, services });
    await services.jobs.drain(); // send what the command queued (mail) now rather than later
    return code;
  } catch (error) {
    io.err(describeFailure(error, services));
    return isAppError(error) || error instanceof UsageError ? 1 : 3;
  }
}

/** One line saying why a command failed. */
export function describeFailure(error: unknown, services?: RunningServices): string {
  if (isAppError(error) && services) {
    const localised = localiseError(error, services.i18n, 'en');
    return localised.errors.length > 0 ? localised.errors.map((e) => e.message).join(' ') : localised.detail;
  }
  return error instanceof Error ? error.message : String(error);
}
