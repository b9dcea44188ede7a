// A cold-start world (the run's keys, the run's CA) takes no new RSA pair: past the run's prepared
// pairs each one is generated synchronously, which stalled the harness (and every case) while it ran.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createTestCa } from '../../harness/ca/test-ca';
import { keyPairsTaken, prepareKeyPairs } from '../../harness/keys/key-pair-pool';
import { HitLog } from '../../harness/servers/router';
import { WORLDS } from '../../profiles/registry';

for (const profile of ['bot-framework', 'sharepoint-s2s', 'actionable-messages-entra'] as const) {
  test(`${profile}: a second world started with the run's keys and CA takes no RSA pair`, async () => {
    await prepareKeyPairs(24);
    const ca = createTestCa();
    const dir = () => mkdtempSync(path.join(os.tmpdir(), `s2s-selftest-world-${profile}-`));
    const first = await WORLDS[profile]({ ca, log: new HitLog(), outDir: dir(), secret: 'x' });
    const taken = keyPairsTaken();
    const second = await WORLDS[profile]({ ca, log: new HitLog(), outDir: dir(), secret: 'x', keys: first.keys });
    expect(keyPairsTaken() - taken).toBe(0);
    await Promise.all([first.close(), second.close()]);
  });
}
