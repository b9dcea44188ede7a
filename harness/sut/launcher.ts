// Starts the SUT command with the contract environment, logs its output, waits until it accepts
// connections, and keeps track of whether it is still alive. Stops its whole process group.
import { lineRedactor, secretsInEnv } from '../results/redact';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import type { SutState } from '../servers/control';

export class SutStartError extends Error {}

export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForPort(host: string, port: number, timeoutMs: number, stillWorthWaiting: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = stillWorthWaiting();
    if (reason) throw new SutStartError(reason);
    if (await canConnect(host, port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new SutStartError(`nothing accepted connections on ${host}:${port} within ${timeoutMs} ms`);
}

export interface LaunchedSut {
  state(): SutState;
  stop(): Promise<void>;
}

export async function launchSut(opts: {
  command: string;
  cwd: string;
  env: Record<string, string>;
  port: number;
  logFile: string;
  startupTimeoutMs: number;
}): Promise<LaunchedSut> {
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  let state: SutState = { status: 'starting' };
  const tail: string[] = [];
  const child: ChildProcess = spawn('/bin/sh', ['-c', opts.command], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() reaches grandchildren too
  });
  // The SUT may print its own configuration: its log (and the last lines quoted in errors) is redacted.
  const secrets = secretsInEnv(opts.env);
  const capture = (text: string) => {
    log.write(text);
    tail.push(...text.split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 5));
  };
  const out = lineRedactor(secrets, capture);
  const err = lineRedactor(secrets, capture);
  child.stdout?.on('data', (c: Buffer) => out.push(c)).on('end', () => out.flush());
  child.stderr?.on('data', (c: Buffer) => err.push(c)).on('end', () => err.flush());
  child.on('exit', (code, signal) => {
    state = { status: 'exited', exitCode: code, signal, reason: `the SUT exited (code ${code}${signal ? `, signal ${signal}` : ''})` };
  });
  child.on('error', (err) => {
    state = { status: 'exited', exitCode: null, reason: `the SUT could not be started: ${err.message}` };
  });

  const stop = async () => {
    if (state.status === 'exited' || child.pid === undefined) {
      await new Promise<void>((r) => log.end(r));
      return;
    }
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 2000);
    await exited;
    clearTimeout(timer);
    await new Promise<void>((r) => log.end(r)); // written out before anyone reads the log
  };

  try {
    await waitForPort('127.0.0.1', opts.port, opts.startupTimeoutMs, () =>
      state.status === 'exited' ? `${state.reason} before it listened on port ${opts.port}${tail.length ? `; last output: ${tail.join(' | ')}` : ''}` : undefined,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  state = { status: 'running' };
  return { state: () => state, stop };
}
