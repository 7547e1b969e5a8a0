#!/usr/bin/env -S node --experimental-strip-types --no-warnings=ExperimentalWarning
import { ConfigError, loadConfig } from '../platform/config.ts';
import { currentHolder, DataFolderLockedError } from '../platform/db/lock.ts';
import { startServices } from '../wiring/services.ts';
import { type Io, UsageError } from './command.ts';
import { sendToServer } from './control-socket.ts';
import {
  commandHelp,
  describeFailure,
  findCommand,
  globalHelp,
  parseCommandArgs,
  runInProcess,
} from './run.ts';

const argv = process.argv.slice(2);
const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: undefined,
};

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > 0 ? text : undefined;
}

async function main(): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(globalHelp());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command "${argv.join(' ')}". Run \`npx virage --help\` for the list.`);
    return 2;
  }
  const args = parseCommandArgs(found.command, found.rest);
  if (args.help) {
    io.out(commandHelp(found.command));
    return 0;
  }
  const config = loadConfig();
  if (found.command.needs === 'offline') return found.command.run(args, io, { config });

  io.stdin = await readStdin();
  // The server holds the embedded data folder: let it run the command with its own database.
  if (!config.databaseUrl && currentHolder(config.dataDir)) {
    const reply = await sendToServer(config.dataDir, { argv, stdin: io.stdin });
    if (reply.stdout) io.out(reply.stdout);
    if (reply.stderr) io.err(reply.stderr);
    return reply.code;
  }
  const services = await startServices(config, { worker: false });
  try {
    return await runInProcess(argv, io, services);
  } finally {
    await services.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataFolderLockedError ||
      error instanceof UsageError
    ) {
      io.err(error.message);
      process.exit(error instanceof UsageError ? 2 : 1);
    }
    io.err(describeFailure(error));
    process.exit(
      error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || error?.code?.startsWith?.('ERR_PARSE_ARGS') ? 2 : 1,
    );
  });
