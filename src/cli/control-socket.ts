import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { RunningServices } from '../wiring/services.ts';
import type { Io } from './command.ts';

/**
 * The embedded engine allows one process per data folder. While the server holds it, the CLI sends its
 * command through this socket (owner-only permissions) and the server runs it with its own database.
 */
export const socketPath = (dataDir: string) => path.join(dataDir, 'control.sock');

type Request = { argv: string[]; stdin?: string };
type Reply = { code: number; stdout: string; stderr: string };

export async function startControlSocket(services: RunningServices) {
  const file = socketPath(services.config.dataDir);
  rmSync(file, { force: true }); // left by a crash: we hold the folder lock, so it is ours to replace
  const server = net.createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', async (chunk) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      const request = JSON.parse(buffer.slice(0, newline)) as Request;
      const out: string[] = [];
      const err: string[] = [];
      const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: request.stdin };
      // The commands (and what they import, such as the demo generator) load on first use, not at start-up.
      const { runInProcess } = await import('./run.ts');
      const code = await runInProcess(request.argv, io, services);
      socket.end(
        `${JSON.stringify({ code, stdout: out.join('\n'), stderr: err.join('\n') } satisfies Reply)}\n`,
      );
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(file, resolve));
  chmodSync(file, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(file, { force: true });
      }),
  };
}

export function sendToServer(dataDir: string, request: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath(dataDir));
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk) => {
      buffer += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(buffer) as Reply);
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', reject);
  });
}
