// Peak memory of a run: the resident set of a process and all its descendants (the CLI, Playwright's
// runner and workers, the SUT), sampled from /proc, since no single process holds a run's memory.
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  return byParent;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** A SUT process the harness started: through a shell (harness/sut/launcher.ts), `sh -c <command>`. */
function isSutShell(pid: number): boolean {
  try {
    const [exe, flag] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(^|\/)sh$/.test(exe) && flag === '-c';
  } catch {
    return false;
  }
}

/** The summed RSS in MB of `root` and its descendants now: all of them, and the harness's own
 *  (without the SUT processes it started, each a shell and what it runs). */
export function treeRssMb(root: number): { all: number; harness: number } {
  const byParent = children();
  let all = 0;
  let harness = 0;
  const stack: Array<[number, boolean]> = [[root, false]];
  while (stack.length) {
    const [pid, inSut] = stack.pop()!;
    const sut = inSut || isSutShell(pid);
    const kb = rssKb(pid);
    all += kb;
    if (!sut) harness += kb;
    stack.push(...(byParent.get(pid) ?? []).map((c): [number, boolean] => [c, sut]));
  }
  return { all: all / 1024, harness: harness / 1024 };
}

/** Samples the tree every `everyMs` until stopped; returns the peaks, of the whole tree and of the harness alone. */
export function watchPeakRss(root: number, everyMs = 100): () => { all: number; harness: number } {
  const peak = { all: 0, harness: 0 };
  const timer = setInterval(() => {
    const now = treeRssMb(root);
    peak.all = Math.max(peak.all, now.all);
    peak.harness = Math.max(peak.harness, now.harness);
  }, everyMs);
  return () => {
    clearInterval(timer);
    return { all: Math.round(peak.all), harness: Math.round(peak.harness) };
  };
}
