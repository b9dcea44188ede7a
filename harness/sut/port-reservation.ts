// The port a launched SUT will listen on. A port found free (bound, then closed) stays free only
// until someone else binds it, and a SUT takes seconds to start: in that window any listen(0) or
// outgoing connection on the machine, which the kernel serves from its ephemeral range, or another
// run choosing the same way, can take it, and the run then talks to a stranger (a 404 judged as a
// refusal). So the port is chosen below the ephemeral range, where the kernel hands out nothing,
// and held by a lock file that other runs honour until the SUT listens.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ReservedPort {
  port: number;
  /** Lets other runs choose the port again (once the SUT listens on it, a bind check refuses it anyway). */
  release(): void;
}

const LOCK_DIR = path.join(os.tmpdir(), 's2s-conformance-ports');
/** A lock older than this was left by a run that did not clean up (the start-up timeout is far shorter). */
const STALE_LOCK_MS = 10 * 60_000;
const LOWEST_PORT = 20000;
const held = new Set<string>();
process.once('exit', () => {
  for (const file of held) tryUnlink(file);
});

/** The first port of the kernel's ephemeral range (Linux's file; 32768, Linux's default, elsewhere). */
export function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : 32768;
  } catch {
    return 32768;
  }
}

export async function reservePort(): Promise<ReservedPort> {
  const top = ephemeralRangeStart();
  // No room below the ephemeral range: the kernel's choice, as before (the window stays open).
  if (top - LOWEST_PORT < 1000) return { port: await kernelChosenPort(), release: () => undefined };
  mkdirSync(LOCK_DIR, { recursive: true });
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (top - LOWEST_PORT));
    const lock = path.join(LOCK_DIR, String(port));
    if (!takeLock(lock)) continue;
    if (await canBind(port)) {
      held.add(lock);
      return {
        port,
        release: () => {
          if (held.delete(lock)) tryUnlink(lock);
        },
      };
    }
    tryUnlink(lock);
  }
  throw new Error(`no free port found between ${LOWEST_PORT} and ${top} (locks in ${LOCK_DIR})`);
}

function takeLock(file: string): boolean {
  for (let i = 0; i < 2; i++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid} ${Date.now()}\n`);
      closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !isStale(file)) return false;
      tryUnlink(file); // its run is gone: take it over
    }
  }
  return false;
}

function isStale(file: string): boolean {
  try {
    if (Date.now() - statSync(file).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(file, 'utf8').trim().split(' ')[0]);
    if (!pid) return false; // being written
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'EPERM'; // EPERM: the process lives (another user's)
  }
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function kernelChosenPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
