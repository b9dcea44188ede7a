// The SUT's port: below the kernel's ephemeral range (where no listen(0) or outgoing connection can
// take it while the SUT starts) and held by a lock file other runs honour until released.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ephemeralRangeStart, reservePort } from '../../harness/sut/port-reservation';

test('forty reservations at once: forty ports, all below the ephemeral range, each locked by this process until released', async () => {
  const reserved = await Promise.all(Array.from({ length: 40 }, () => reservePort()));
  const ports = reserved.map((r) => r.port);
  expect(new Set(ports).size).toBe(40);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(20000);
    expect(port).toBeLessThan(ephemeralRangeStart());
    const lock = path.join(os.tmpdir(), 's2s-conformance-ports', String(port));
    expect(readFileSync(lock, 'utf8').split(' ')[0]).toBe(String(process.pid));
  }
  for (const r of reserved) r.release();
  for (const port of ports) expect(existsSync(path.join(os.tmpdir(), 's2s-conformance-ports', String(port)))).toBe(false);
});
