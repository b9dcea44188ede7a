// The suite tested on itself: the reference SUT passes every case, and each flawed variant is caught
// by exactly the cases pinned for it (no more, no fewer), so a case that stops catching its bug, or
// starts tripping on something it should not, shows up here.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CATALOGS } from '../profiles/registry';
import flaws from './expectations/bot-framework-flaws.json';
import peers from './expectations/bot-framework-sdk-peers.json';
import { bfFlawRunArgs, entryDifferences, flawEntry } from './helpers/flaw-entry';
import { removeFoldersOfPassingTests, REPO, runCli } from './helpers/run-cli';
import { runWarm } from './helpers/warm-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

const CASES = CATALOGS['bot-framework'];

test('the reference SUT passes every bot-framework case, with no egress and no robustness finding, on both engines alike', async () => {
  // Playwright's (the default with its reports) and the in-process one (--only-results, as the flaw runs below).
  const [pw, inProcess] = await Promise.all([runCli(['run', '--profile', 'bot-framework', '--workers', '1']), runCli(['run', '--profile', 'bot-framework', '--only-results'])]);
  for (const r of [pw, inProcess]) {
    expect(r.code).toBe(0);
    expect(r.results!.summary.pass).toBe(CASES.length);
    expect(r.results!.summary.robustness).toEqual({ fail: 0, warn: 0 });
    expect(r.results!.harness.egress).toEqual([]);
    // The key-lifecycle cases ran on SUT processes of their own (case-dispatch.ts's keyLifecycleWorldOf).
    for (const world of ['key-lifecycle', 'key-lifecycle-BF-C2B-KLC-014']) expect(existsSync(path.join(r.out, 'worlds', world, 'sut.log')), world).toBe(true);
  }
  const verdicts = (r: typeof pw) => r.results!.cases.map((c) => `${c.id} ${c.outcome} ${c.reason}`).sort();
  expect(verdicts(inProcess)).toEqual(verdicts(pw));
});

test('every flawed variant on disk has pinned expectations', () => {
  const onDisk = readdirSync(path.join(REPO, 'fixtures/suts/bot-framework/flawed')).map((f) => f.replace(/\.mjs$/, '')).sort();
  expect(Object.keys(flaws).sort()).toEqual(onDisk);
  expect(onDisk.length).toBeGreaterThanOrEqual(12);
});

test('every flaw is caught by at least one case, and every case that can fail is failed by some flaw or SDK peer', () => {
  for (const [flaw, e] of Object.entries(flaws)) expect(e.fail.length + e.robustness.length, flaw).toBeGreaterThan(0);
  const failedSomewhere = new Set([...Object.values(flaws), ...Object.values(peers)].flatMap((e) => e.fail));
  const unproven = CASES.filter((c) => c.expect !== 'either' && !failedSomewhere.has(c.id)).map((c) => c.id);
  expect(unproven).toEqual([]);
});

for (const [flaw, expected] of Object.entries(flaws)) {
  test(`flaw ${flaw} is caught by exactly its cases`, async () => {
    const r = await runWarm(bfFlawRunArgs(flaw));
    const doc = r.results!;
    // fail, inconclusive, robustness, error (none) and egress, exactly as pinned.
    expect(flawEntry(doc), entryDifferences(doc, expected)).toEqual(expected);
    const mustFailed = doc.cases.some((c) => c.outcome === 'fail' && c.requirement.level === 'MUST');
    expect(r.code).toBe(mustFailed ? 1 : 0);
  });
}
