// Pins the Python flawed bots' outcomes (tests/expectations/python-flaws.json), which
// tests/python-flaws.spec.ts holds them to. Review the diff before committing.
//   npx tsx tests/tools/pin-python-flaws.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { flawEntry, PYTHON_BF_FLAWS, pythonFlawName, pythonFlawRunArgs, type FlawEntry } from '../helpers/flaw-entry';
import { REPO, runCli } from '../helpers/run-cli';

async function main(): Promise<void> {
  const pins: Record<string, FlawEntry> = {};
  for (const flaw of PYTHON_BF_FLAWS) {
    const r = await runCli(pythonFlawRunArgs(flaw));
    if (!r.results) throw new Error(`${pythonFlawName(flaw)}: no results (exit ${r.code}): ${r.stderr.slice(-300)}`);
    pins[pythonFlawName(flaw)] = flawEntry(r.results);
    console.log(pythonFlawName(flaw), JSON.stringify(pins[pythonFlawName(flaw)]));
  }
  writeFileSync(path.join(REPO, 'tests', 'expectations', 'python-flaws.json'), `${JSON.stringify(pins, null, 1)}\n`);
}

main().catch((err) => {
  console.error(`pin-python-flaws: ${(err as Error).message}`);
  process.exit(1);
});
