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

/** The summed RSS in MB of `root` and its descendants now. */
export function treeRssMb(root: number): number {
  const byParent = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssKb(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total / 1024;
}

/** Samples the tree every `everyMs` until stopped; returns the peak. */
export function watchPeakRss(root: number, everyMs = 100): () => number {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(root))), everyMs);
  return () => {
    clearInterval(timer);
    return Math.round(peak);
  };
}
