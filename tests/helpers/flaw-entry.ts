// What a run on a flawed SUT is pinned to: the cases per outcome, the robustness failures, the
// informational cases whose response check noted something, and the egress count.
import type { ResultsDoc } from '../../harness/results/results-file';

export interface FlawEntry {
  fail: string[];
  inconclusive: string[];
  robustness: string[];
  error: string[];
  noted?: string[];
  egress: number;
}

const ids = (doc: ResultsDoc, keep: (c: ResultsDoc['cases'][number]) => boolean): string[] => doc.cases.filter(keep).map((c) => c.id).sort();

export function flawEntry(doc: ResultsDoc): FlawEntry {
  const entry: FlawEntry = {
    fail: ids(doc, (c) => c.outcome === 'fail'),
    inconclusive: ids(doc, (c) => c.outcome === 'inconclusive'),
    robustness: ids(doc, (c) => c.observed.robustness?.verdict === 'fail'),
    error: ids(doc, (c) => c.outcome === 'error'),
    egress: doc.harness.egress.length,
  };
  const noted = ids(doc, (c) => c.outcome === 'pass' && Boolean(c.observed.responseProblem));
  if (noted.length) entry.noted = noted;
  return entry;
}

/** A peer's pin: its outcomes as for a flaw, plus what it did with each INFO case (either outcome
 *  passes, so only the pin records which of them it accepted: a library's real choices, e.g. a
 *  lenient base64url decoder, show up here and are held to). */
export type PeerEntry = FlawEntry & { infoAccepted: string[] };

export function peerEntry(doc: ResultsDoc): PeerEntry {
  return { ...flawEntry(doc), infoAccepted: ids(doc, (c) => c.requirement.level === 'INFO' && c.observed.accepted === true) };
}

/** The bot-framework flaws in the key source (cache, refresh, key fetch). Only they run the
 *  key-lifecycle cases (BF-C2B-KLC-*, a few seconds each: a hung key server, a burst of 200
 *  requests); the other flaws' runs leave those cases out, since their bugs are elsewhere. */
export const BF_KEY_LIFECYCLE_FLAWS = ['keys-cached-forever', 'refresh-on-every-unknown-kid', 'no-single-flight', 'keys-over-plain-http', 'tls-unverified-key-fetch', 'fail-open-when-keys-unavailable', 'no-key-cache', 'poisoned-cache-after-fault'];

/** The CLI arguments of a self-test run on a bot-framework flaw. */
export const bfFlawRunArgs = (flaw: string): string[] => [
  'run',
  '--sut',
  `node fixtures/suts/bot-framework/flawed/${flaw}.mjs`,
  '--workers',
  '1',
  '--only-results', // only results.json is pinned
  // The cold-start cases (BF-C2B-CSF-*: a fresh SUT process each) are left out with them.
  ...(BF_KEY_LIFECYCLE_FLAWS.includes(flaw) ? [] : ['--grep', '^(?!BF-C2B-(KLC|CSF)-)']),
];

/** The Actionable Messages flaws in the key source; only they run the key-lifecycle cases (AM-KLC-*, AME-KLC-*)
 *  and their cold-start twins (AM-CSF-*, AME-CSF-*: a fresh SUT process each). */
export const AM_KEY_LIFECYCLE_FLAWS = ['fail-open-when-keys-unavailable', 'keys-never-refreshed', 'metadata-per-request', 'first-key-only', 'keys-cached-forever', 'refetch-on-every-unknown-kid', 'no-key-cache'];

/** The Actionable Messages flaws about the action itself, or that let a refused token in on the
 *  action cases (ACT-*, AAH-003/004: each waits a second after the answer for records of the action);
 *  only they run those cases, as only the key-source flaws run the key-lifecycle ones. */
export const AM_ACTION_FLAWS = ['action-performed-after-refusal', 'identity-from-unverified-header', 'crash-after-refusal', 'anonymous-when-no-token', 'aud-unchecked', 'signature-unchecked'];

/** The S2S flaws in the certificate source (metadata cache, lookup by x5t); only they run the key-lifecycle cases (SPS2S-KLC-*, XOAUTH-KLC-*)
 *  and their cold-start twins (SPS2S-CSF-*, XOAUTH-CSF-*). */
export const S2S_KEY_LIFECYCLE_FLAWS = ['metadata-cached-forever', 'metadata-refresh-on-every-unknown-x5t', 'metadata-no-single-flight', 'fail-open-when-metadata-unavailable', 'metadata-case-sensitive', 'first-cert-only'];

/** The bot-outbound flaws in the token's lifetime (only they run EXP-002, which waits 2.5 s) and in the handling
 *  of a failing STS (only they run the STS fault cases, ROB-*, but for the slow STS, an INFO case); the
 *  other flaws' runs leave those out. */
export const BO_LIFETIME_FLAWS = ['token-cached-forever', 'renews-only-at-expiry', 'ignores-expires-in'];
export const BO_STS_FAULT_FLAWS = ['crash-on-sts-error', 'no-token-on-sts-error', 'throttles-after-sts-error'];

/** Extra CLI arguments of a self-test run on a flaw in `profile`: the key-lifecycle cases are left out for flaws outside the key source. */
export function lifecycleGrepArgs(profile: string, flaw: string): string[] {
  if (profile === 'bot-outbound') return ['--grep', BO_LIFETIME_FLAWS.includes(flaw) ? '^(?!BF-B2O-ROB-)' : BO_STS_FAULT_FLAWS.includes(flaw) ? '^(?!BF-B2O-(EXP-002|ROB-004))' : '^(?!BF-B2O-(EXP-002|ROB-))'];
  if (profile.startsWith('actionable-messages')) {
    const skipped = [...(AM_KEY_LIFECYCLE_FLAWS.includes(flaw) ? [] : ['KLC-', 'CSF-']), ...(AM_ACTION_FLAWS.includes(flaw) ? [] : ['ACT-', 'AAH-00[34] '])];
    return skipped.length ? ['--grep', `^(?!AME?-(${skipped.join('|')}))`] : [];
  }
  if (profile === 'sharepoint-s2s' || profile === 'xoauth') return S2S_KEY_LIFECYCLE_FLAWS.includes(flaw) ? [] : ['--grep', '^(?!(SPS2S|XOAUTH)-(KLC|CSF)-)'];
  return [];
}

/** The endpoints the S2S reference SUT serves besides the main one, /_api/web (MS-SPS2SAUTH 3.1.5:
 *  Client.svc, Listdata.svc, Sites.asmx). Without --also-endpoint the cases that run on every
 *  endpoint (SPS2S-EP-*) try the main endpoint only, so the sharepoint-s2s self-test and pin runs
 *  list them: a flaw on one legacy endpoint (listdata-unprotected) is caught only so. */
export const S2S_REFERENCE_ALSO_ENDPOINTS = ['/_vti_bin/client.svc/ProcessQuery', '/_vti_bin/listdata.svc', '/_vti_bin/sites.asmx'];

/** The --also-endpoint arguments of a self-test run in `profile` (sharepoint-s2s: the reference's legacy endpoints). */
export const alsoEndpointArgs = (profile: string): string[] => (profile === 'sharepoint-s2s' ? S2S_REFERENCE_ALSO_ENDPOINTS.flatMap((e) => ['--also-endpoint', e]) : []);

/** Extra CLI arguments of a self-test (and pin) run on a flaw in `profile`: the endpoints to list, and the key-lifecycle filter. */
export const flawRunArgs = (profile: string, flaw: string): string[] => [...alsoEndpointArgs(profile), ...lifecycleGrepArgs(profile, flaw)];

/** For a failed pin comparison: each case whose place in the entry differs, with its outcome and
 *  reason, so a run that went otherwise (on a busy machine too) says why in the test's output. */
export function entryDifferences(doc: ResultsDoc, expected: FlawEntry): string {
  const actual = flawEntry(doc);
  const keys = ['fail', 'inconclusive', 'robustness', 'error'] as const;
  const differing = new Set(keys.flatMap((k) => [...actual[k].filter((id) => !expected[k].includes(id)), ...expected[k].filter((id) => !actual[k].includes(id))]));
  return doc.cases.filter((c) => differing.has(c.id)).map((c) => `${c.id}: ${c.outcome}: ${c.reason} (control ${JSON.stringify(c.evidence.control ?? null)})`).join('\n');
}

/** The Python flawed bots (fixtures/suts/python/bot-framework/flawed/hour_cache_bot.py, keys cached an
 *  hour, not Node: their clock cannot be moved), '' the sound one. Each flaw is in the key source, so
 *  only the cold-start cases (BF-C2B-CSF-*) can meet it; their lifecycle twins (KLC-010..016) run
 *  beside them to show they cannot (inconclusive: no refetch). Only those cases are run. */
export const PYTHON_BF_FLAWS = ['', 'plain-http-jwks-uri', 'fail-open-on-broken-keys', 'crash-on-broken-keys'];
export const pythonFlawName = (flaw: string): string => flaw || 'sound';
export const pythonFlawRunArgs = (flaw: string): string[] => [
  'run',
  '--sut',
  `/usr/bin/python3 fixtures/suts/python/bot-framework/flawed/hour_cache_bot.py${flaw ? ` ${flaw}` : ''}`,
  '--only-results',
  '--grep',
  '^BF-C2B-(CSF|KLC)-01[0-6]',
];
