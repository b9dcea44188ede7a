// The SUT's clock, as far as the harness can move it: an offset in a file the clock preload of a
// Node SUT reads (harness/sut/clock-preload.cjs), acknowledged in <file>.seen once it took effect.
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ClockState {
  /** How far ahead of real time the SUT's clock is meant to be. */
  offsetMs: number;
  /** The SUT's process read the offset (its Date.now() has moved). */
  acknowledged: boolean;
}

export class SutClock {
  private offsetMs = 0;
  constructor(readonly file: string) {
    writeFileSync(file, '0');
  }

  /** Moves the clock ahead and waits up to a second for the SUT to read it (it reads when it asks the time). */
  async advance(ms: number): Promise<ClockState> {
    this.offsetMs += Math.max(0, ms);
    writeFileSync(this.file, String(this.offsetMs));
    for (let i = 0; i < 20; i++) {
      if (this.seen() === this.offsetMs) return { offsetMs: this.offsetMs, acknowledged: true };
      await sleep(50);
    }
    return { offsetMs: this.offsetMs, acknowledged: false };
  }

  private seen(): number | undefined {
    try {
      return Number(readFileSync(`${this.file}.seen`, 'utf8'));
    } catch {
      return undefined;
    }
  }
}
