// Regenerates a flawed-SUT expectations file by running the CLI on every flawed variant, three at a
// time. Review the diff before committing: the file is what the self-tests hold the suite to.
//   npx tsx tests/tools/pin-flaw-expectations.ts s2s
//   npx tsx tests/tools/pin-flaw-expectations.ts am
//   npx tsx tests/tools/pin-flaw-expectations.ts s2s-client
//   npx tsx tests/tools/pin-flaw-expectations.ts bot-framework
//   npx tsx tests/tools/pin-flaw-expectations.ts bot-outbound
// `--only a,b` re-pins just those flaws and keeps every other entry of the file as it is.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bfFlawRunArgs, flawEntry, flawRunArgs, type FlawEntry } from '../helpers/flaw-entry';
import { REPO, runCli } from '../helpers/run-cli';

/** The xoauth self-test runs the flaws on the outer/actor path and the challenge flaws only (see suite-self-test-profiles.spec.ts). */
export const XOAUTH_FLAWS = /^(actor-|outer-|trustedfordelegation-|user-claim-|challenge-)/;
/** The Entra self-test runs the flaws in the claim checks (aud, iss, tid, appid/azp, ver, sender), whose cases differ per profile. */
export const AM_ENTRA_FLAWS = /^(appid-unchecked|aud-prefix-match|aud-unchecked|client-from-appid-only|iss-unchecked|issuer-slash-normalized|sender-required|tid-unchecked|v2-only|ver-unchecked|scope-unchecked|scope-compared-whole|unknown-ver-read-as-v1)$/;

const SETS: Record<string, { dir: string; profiles: string[]; file: string; nested: boolean; only?: Record<string, RegExp> }> = {
  'bot-framework': { dir: 'fixtures/suts/bot-framework/flawed', profiles: ['bot-framework'], file: 'tests/expectations/bot-framework-flaws.json', nested: false },
  s2s: { dir: 'fixtures/suts/s2s/flawed', profiles: ['sharepoint-s2s', 'xoauth'], file: 'tests/expectations/s2s-flaws.json', nested: true, only: { xoauth: XOAUTH_FLAWS } },
  am: { dir: 'fixtures/suts/actionable-messages/flawed', profiles: ['actionable-messages', 'actionable-messages-entra'], file: 'tests/expectations/am-flaws.json', nested: true, only: { 'actionable-messages-entra': AM_ENTRA_FLAWS } },
  's2s-client': { dir: 'fixtures/suts/s2s-client/flawed', profiles: ['s2s-client'], file: 'tests/expectations/s2s-client-flaws.json', nested: true },
  'bot-outbound': { dir: 'fixtures/suts/bot-outbound/flawed', profiles: ['bot-outbound'], file: 'tests/expectations/bot-outbound-flaws.json', nested: true },
};

/** The file as pinned now, per profile (for --only). */
function previous(set: { profiles: string[]; file: string; nested: boolean }): Record<string, Record<string, FlawEntry>> {
  const file = path.join(REPO, set.file);
  if (!existsSync(file)) return {};
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  return set.nested ? doc : { [set.profiles[0]]: doc };
}

async function main(): Promise<void> {
  const set = SETS[process.argv[2] ?? ''];
  if (!set) throw new Error(`usage: pin-flaw-expectations.ts ${Object.keys(SETS).join('|')}`);
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
  const all = readdirSync(path.join(REPO, set.dir)).filter((f) => f.endsWith('.mjs')).map((f) => f.replace(/\.mjs$/, '')).sort();
  for (const f of only ?? []) if (!all.includes(f)) throw new Error(`no flaw "${f}" in ${set.dir}`);
  const flaws = only ? all.filter((f) => only.has(f)) : all;
  const jobs = set.profiles.flatMap((profile) => flaws.filter((f) => set.only?.[profile]?.test(f) ?? true).map((flaw) => ({ profile, flaw })));
  const out: Record<string, Record<string, FlawEntry>> = Object.fromEntries(set.profiles.map((p) => [p, only ? { ...previous(set)[p] } : {}]));
  let next = 0;
  const worker = async () => {
    for (let j = jobs[next++]; j; j = jobs[next++]) {
      const args = j.profile === 'bot-framework' ? bfFlawRunArgs(j.flaw) : ['run', '--profile', j.profile, '--sut', `node ${set.dir}/${j.flaw}.mjs`, '--workers', '1', '--only-results', ...flawRunArgs(j.profile, j.flaw)];
      const r = await runCli(args);
      if (!r.results) throw new Error(`${j.profile} ${j.flaw}: no results (exit ${r.code}): ${r.stderr.slice(-300)}`);
      out[j.profile][j.flaw] = flawEntry(r.results);
      console.log(`${j.profile} ${j.flaw}: ${out[j.profile][j.flaw].fail.length} failing case(s)`);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  const sorted = (m: Record<string, FlawEntry>) => Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
  const doc = set.nested ? Object.fromEntries(set.profiles.map((p) => [p, sorted(out[p])])) : sorted(out[set.profiles[0]]);
  writeFileSync(path.join(REPO, set.file), `${JSON.stringify(doc, null, 1)}\n`);
  console.log(`wrote ${set.file}`);
}

main().catch((err) => {
  console.error(`pin-flaw-expectations: ${(err as Error).message}`);
  process.exit(1);
});
