// Flawed reference SUTs that are not Node (issue 18): Python bots caching keys for an hour, each with
// one flaw in its key source. Their clock cannot be moved, so the key-lifecycle cases never see the
// flaw (inconclusive); the cold-start cases (BF-C2B-CSF-*), each with a fresh process whose first
// fetch meets the fault, must. Pinned in tests/expectations/python-flaws.json
// (npx tsx tests/tools/pin-python-flaws.ts); the sound bot passes every cold-start case.
import { expect, test } from '@playwright/test';
import pins from './expectations/python-flaws.json';
import { entryDifferences, flawEntry, type FlawEntry, PYTHON_BF_FLAWS, pythonFlawName, pythonFlawRunArgs } from './helpers/flaw-entry';
import { runWarm } from './helpers/warm-cli';
import { removeFoldersOfPassingTests } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

for (const flaw of PYTHON_BF_FLAWS) {
  const name = pythonFlawName(flaw);
  test(`python hour-cache bot, ${name}: caught by exactly its pinned cold-start cases`, async () => {
    const pinned = (pins as Record<string, FlawEntry>)[name];
    expect(pinned, `no pin for ${name} (npx tsx tests/tools/pin-python-flaws.ts)`).toBeTruthy();
    const r = await runWarm(pythonFlawRunArgs(flaw));
    const doc = r.results!;
    expect(doc, r.stderr.slice(-500)).toBeTruthy();
    const csf = doc.cases.filter((c) => c.id.includes('-CSF-'));
    expect(csf.length).toBe(7);
    // Every cold-start case was judged (its control passed, the fault was met): nothing inconclusive.
    expect(csf.filter((c) => c.outcome === 'inconclusive' || c.outcome === 'error').map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    if (!flaw) expect(csf.every((c) => c.outcome === 'pass' && !c.observed.robustness)).toBe(true);
    expect(flawEntry(doc), entryDifferences(doc, pinned)).toEqual(pinned);
  });
}
