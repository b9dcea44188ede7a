// Where the clock-moving key-lifecycle cases run (harness/engine/case-dispatch.ts): in worlds of their
// own when the run has them (one they share, one of its own for the hung key server), else after the
// other cases on the run's SUT; bot-outbound's waiting cases in the worlds they name; and the clock preload's first acknowledgement, which their first
// clock call waits for.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { movesTheClock, runsAfterTheOthers, sharedWorldOf, sharedWorldsOf } from '../../harness/engine/case-dispatch';
import type { CaseDef } from '../../harness/engine/case-model';
import { SutClock } from '../../harness/run/sut-clock';
import { REPO_ROOT } from '../../harness/run/config';
import { CATALOGS } from '../../profiles/registry';

/** The shared worlds of the clock-moving key-lifecycle cases. */
const keyLifecycleWorldsOf = (cases: CaseDef[]): string[] => sharedWorldsOf(cases.filter(movesTheClock));

for (const [profile, hang] of [
  ['bot-framework', 'BF-C2B-KLC-014'],
  ['sharepoint-s2s', 'SPS2S-KLC-014'],
  ['xoauth', 'XOAUTH-KLC-014'],
  ['actionable-messages', 'AM-KLC-014'],
  ['actionable-messages-entra', 'AME-KLC-014'],
] as const) {
  test(`${profile}: the key-lifecycle cases share one world, the hung key server has one of its own`, () => {
    const cases = CATALOGS[profile];
    expect(keyLifecycleWorldsOf(cases)).toEqual(['key-lifecycle', `key-lifecycle-${hang}`]);
    const clockMoving = cases.filter(movesTheClock);
    expect(clockMoving.length).toBeGreaterThan(5);
    // Without worlds (--target) they run after the other cases; with worlds, in them (in-process-run.ts).
    for (const c of clockMoving) expect(runsAfterTheOthers(c), c.id).toBe(true);
  });
}

test('client-role and bot-outbound profiles need no key-lifecycle world', () => {
  expect(keyLifecycleWorldsOf(CATALOGS['s2s-client'])).toEqual([]);
  expect(keyLifecycleWorldsOf(CATALOGS['bot-outbound'])).toEqual([]);
});

test("bot-outbound's waiting cases run in four worlds of their own, the token cases on the run's bot", () => {
  const cases = CATALOGS['bot-outbound'];
  const worlds = sharedWorldsOf(cases);
  expect(worlds).toEqual(['bot-outbound-short-lived-token', 'bot-outbound-where-the-bearer-goes', 'bot-outbound-sts-errors', 'bot-outbound-slow-or-untrusted-sts']);
  const byWorld = Object.fromEntries(worlds.map((w) => [w, cases.filter((c) => sharedWorldOf(c) === w).map((c) => c.id)]));
  expect(byWorld).toEqual({
    'bot-outbound-short-lived-token': ['BF-B2O-EXP-002'],
    'bot-outbound-where-the-bearer-goes': ['BF-B2O-LEAK-001', 'BF-B2O-LEAK-002', 'BF-B2O-TLS-001', 'BF-B2O-TLS-002'],
    'bot-outbound-sts-errors': ['BF-B2O-ROB-001', 'BF-B2O-ROB-005', 'BF-B2O-ROB-002', 'BF-B2O-ROB-003'],
    'bot-outbound-slow-or-untrusted-sts': ['BF-B2O-ROB-004', 'BF-B2O-TLS-003'],
  });
  // The positive control and the cases that read the bot's first token requests stay on the run's bot.
  const onTheBot = cases.filter((c) => sharedWorldOf(c) === undefined).map((c) => c.id);
  expect(onTheBot).toEqual(['BF-B2O-POS-001', 'BF-B2O-STS-001', 'BF-B2O-STS-002', 'BF-B2O-STS-003', 'BF-B2O-STS-004', 'BF-B2O-TOK-001', 'BF-B2O-CACHE-001', 'BF-B2O-REF-001', 'BF-B2O-EXP-001']);
  // Without worlds (--target) every one of them runs on the run's bot, one at a time.
  for (const c of cases) expect(runsAfterTheOthers(c), c.id).toBe(true);
  // The key-lifecycle worlds are shared worlds too, under the same names.
  expect(sharedWorldsOf(CATALOGS['bot-framework'])).toEqual(keyLifecycleWorldsOf(CATALOGS['bot-framework']));
});

test('a Node SUT with the clock preload acknowledges its clock before it is ever moved', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's2s-clock-'));
  const clock = new SutClock(path.join(dir, 'offset-ms'));
  const sut = spawn(process.execPath, ['--require', path.join(REPO_ROOT, 'harness', 'sut', 'clock-preload.cjs'), '-e', 'setTimeout(() => {}, 5000)'], { env: { ...process.env, S2S_CLOCK_FILE: clock.file }, stdio: 'ignore' });
  try {
    // An idle process: the preload's own poll reads the offset (0) and says so; no second is waited for it.
    let state = await clock.advance(0);
    for (let i = 0; i < 20 && !state.acknowledged; i++) state = await clock.advance(0); // the process may still be starting
    expect(state).toEqual({ offsetMs: 0, acknowledged: true });
    expect(await clock.advance(3600_000)).toEqual({ offsetMs: 3600_000, acknowledged: true });
  } finally {
    sut.kill();
  }
});
