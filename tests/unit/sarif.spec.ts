// results.sarif is made from results.json: one rule per case, one result per FAIL or WARN case, valid
// against the SARIF 2.1.0 JSON Schema, with no credential in it.
//
// The schema is vendored: fixtures/schemas/sarif-2.1.0.schema.json is sarif-2.1.0-rtm.5.json as
// shipped in the npm package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/, MIT, Microsoft's
// sarif-js-sdk; SchemaStore's SARIF 2.1.0 schema), unchanged. It is written in JSON Schema draft-04,
// which ajv 8 does not read: the two draft-04 words it uses at its root (`id`, `$schema`) are read
// as draft-07's here; the schema uses no other keyword whose meaning changed after draft-04 (no
// boolean exclusiveMinimum/Maximum).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CATALOGS, PROFILE_NAMES } from '../../profiles/registry';
import { errorResult } from '../../harness/reporters/case-result-of';
import type { CaseResult } from '../../harness/engine/case-model';
import { gateOf } from '../../harness/results/gate';
import { summarize, type ResultsDoc } from '../../harness/results/results-file';
import { sarifOf } from '../../harness/results/sarif';
import { shellCommandLine, writeRunOutputs } from '../../harness/results/write-outputs';
import draft04 from '../../fixtures/schemas/sarif-2.1.0.schema.json';

const { id, $schema: _draft, ...rest } = draft04 as Record<string, unknown> & { id: string };
// unicodeRegExp off: the schema's `language` pattern has a stray `]`, an error only in a /u regular expression.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile({ $schema: 'http://json-schema.org/draft-07/schema#', $id: id, ...rest });

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const docOf = (cases: CaseResult[], gate?: ResultsDoc['gate']): ResultsDoc => ({
  schemaVersion: 1, suite: { name: 's2s-conformance', version: '0.1.0' }, profile: 'bot-framework', sut: { command: 'node sut.mjs', endpoint: '/api/messages' },
  startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:02.000Z', harness: { egress: [] }, cases, summary: summarize(cases), ...(gate ? { gate } : {}),
});

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl';

const base = (id: string, level: CaseResult['requirement']['level'], over: Partial<CaseResult>): CaseResult => ({
  id, profile: 'bot-framework', title: `title of ${id}`, requirement: { ids: ['BF-REQ-1'], spec: 'bot-framework-authentication', section: 'Step 3', level },
  expect: 'reject', why: `why ${id}`, observed: { status: 401, controlStatus: 200 }, outcome: 'pass', reason: 'refused (401)',
  evidence: { mutations: ['signature changed'], token: { raw: TOKEN, header: { alg: 'RS256' }, payload: { iss: 'https://api.botframework.com' } }, request: { method: 'POST', url: 'http://127.0.0.1/api/messages', headers: { authorization: `Bearer ${TOKEN}` } } }, ...over,
});

test('a FAIL, a robustness WARN, a PASS and an INFO case: four rules, two results, their levels; valid SARIF 2.1.0; no token in it', () => {
  const cases = [
    base('BF-C2B-SIG-001', 'MUST', { outcome: 'fail', reason: `accepted (200) the token Bearer ${TOKEN}`, observed: { status: 200, controlStatus: 200 }, cwe: ['CWE-347'] }),
    base('BF-C2B-AUD-002', 'MUST', { observed: { status: 500, controlStatus: 200, robustness: { verdict: 'fail', detail: 'refused with 500' } }, reason: 'refused (500)', cwe: ['CWE-345'] }),
    base('BF-C2B-ISS-003', 'MUST', {}),
    base('BF-C2B-VER-004', 'INFO', { expect: 'either' }),
  ];
  const doc = docOf(cases, gateOf(cases));
  const log = sarifOf(doc, { commandLine: shellCommandLine(['run', '--profile', 'bot-framework', '--sut', 'MICROSOFT_APP_PASSWORD=hunter2hunter2 node sut.mjs']) });
  expectValid(log);
  const run = log.runs[0];
  expect(run.tool.driver.name).toBe('s2s-conformance');
  expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
    ['BF-C2B-SIG-001', 'error'], ['BF-C2B-AUD-002', 'error'], ['BF-C2B-ISS-003', 'error'], ['BF-C2B-VER-004', 'note'],
  ]);
  const sig = run.tool.driver.rules[0];
  expect(sig).toMatchObject({ name: 'title of BF-C2B-SIG-001', shortDescription: { text: 'title of BF-C2B-SIG-001' }, fullDescription: { text: 'why BF-C2B-SIG-001' }, helpUri: expect.stringContaining('learn.microsoft.com') });
  expect(sig.properties).toMatchObject({ level: 'MUST', requirementIds: ['BF-REQ-1'], section: 'Step 3', tags: ['security', 'external/cwe/cwe-347'] });
  expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.properties.tier])).toEqual([
    ['BF-C2B-SIG-001', 0, 'error', 'FAIL'],
    ['BF-C2B-AUD-002', 1, 'warning', 'WARN'],
  ]);
  expect(run.results[0].message.text).toMatch(/^accepted \(200\) the token Bearer <\d+ chars> \(status 200; control status 200; mutations: signature changed\)$/);
  expect(run.results[1].message.text).toContain('robustness fail: refused with 500');
  expect(run.results[0].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'bot-framework/api/messages' } }, logicalLocations: [{ name: 'bot-framework', fullyQualifiedName: 'bot-framework/BF-C2B-SIG-001', kind: 'module' }] }]);
  expect(run.invocations[0]).toMatchObject({ exitCode: 1, executionSuccessful: true, startTimeUtc: doc.startedAt, endTimeUtc: doc.finishedAt });
  expect(run.invocations[0].commandLine).toBe("s2s-conformance run --profile bot-framework --sut 'MICROSOFT_APP_PASSWORD=[REDACTED] node sut.mjs'");
  const text = JSON.stringify(log);
  expect(text).not.toContain(TOKEN.split('.')[2]);
  expect(text).not.toContain('hunter2');
});

test('an expected failure is a suppressed result; a case in ERROR is a notification of an unsuccessful run', () => {
  const cases = [base('BF-C2B-SIG-001', 'MUST', { outcome: 'fail', reason: 'accepted (200)' }), base('BF-C2B-SIG-002', 'SHOULD', { outcome: 'fail', reason: 'accepted (200)' }), base('BF-C2B-ISS-003', 'MUST', { outcome: 'error', reason: 'the SUT is gone' })];
  const log = sarifOf(docOf(cases, gateOf(cases, { expectFailures: { 'BF-C2B-SIG-001': 'known: ticket 12' } })));
  expectValid(log);
  const run = log.runs[0];
  expect(run.results.map((r) => [r.ruleId, r.level, r.suppressions ?? []])).toEqual([
    ['BF-C2B-SIG-001', 'error', [{ kind: 'external', justification: 'known: ticket 12' }]],
    ['BF-C2B-SIG-002', 'warning', []],
  ]);
  expect(run.invocations[0]).toMatchObject({ exitCode: 3, executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'BF-C2B-ISS-003: the SUT is gone' }, associatedRule: { id: 'BF-C2B-ISS-003', index: 2 } }] });
});

test('the schema check refuses what SARIF 2.1.0 does not allow', () => {
  const cases = [base('BF-C2B-SIG-001', 'MUST', { outcome: 'fail' })];
  const log = sarifOf(docOf(cases));
  expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
  expect(validateSarif({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
  expect(validateSarif({ ...log, runs: [{ ...log.runs[0], invocations: [{ exitCode: 1 }] }] })).toBe(false); // executionSuccessful is required
});

test('every case of every catalog as a finding: one rule each, valid SARIF, levels by LEVELS.md', () => {
  let tagged = 0;
  for (const profile of PROFILE_NAMES) {
    const cases = CATALOGS[profile].map((def) => ({ ...errorResult(def, 'not run'), outcome: 'fail' as const, reason: 'accepted (200)', observed: { status: 200, controlStatus: 200 } }));
    const log = sarifOf({ ...docOf(cases), profile });
    expectValid(log);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r) => r.id), profile).toEqual(cases.map((c) => c.id));
    expect(run.results.map((r) => r.ruleId), profile).toEqual(cases.filter((c) => c.requirement.level === 'MUST' || c.requirement.level === 'SHOULD').map((c) => c.id));
    for (const r of run.results) expect(r.level, r.ruleId).toBe(cases[r.ruleIndex].requirement.level === 'MUST' ? 'error' : 'warning');
    // Every case with CWEs carries them as code-scanning tags.
    tagged += cases.filter((c) => c.cwe?.length).length;
    for (const [i, c] of cases.entries()) expect(run.tool.driver.rules[i].properties.tags, c.id).toEqual(['security', ...(c.cwe ?? []).map((w) => `external/cwe/${w.toLowerCase()}`)]);
  }
  expect(tagged).toBeGreaterThan(0);
});

test('run and merge write results.sarif next to results.json, with the command line `run` hands to the process that writes it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's2s-sarif-'));
  const saved = process.env.S2S_COMMAND_LINE;
  try {
    process.env.S2S_COMMAND_LINE = 's2s-conformance run --profile bot-framework --out x';
    const cases = [base('BF-C2B-SIG-001', 'MUST', { outcome: 'fail', reason: 'accepted (200)' }), base('BF-C2B-ISS-003', 'MUST', {})];
    const doc = docOf(cases, gateOf(cases));
    writeRunOutputs(dir, doc);
    const written = JSON.parse(readFileSync(path.join(dir, 'results.sarif'), 'utf8'));
    expectValid(written);
    expect(written).toEqual(JSON.parse(JSON.stringify(sarifOf(doc, { commandLine: process.env.S2S_COMMAND_LINE }))));
    expect(written.runs[0].invocations[0].commandLine).toBe('s2s-conformance run --profile bot-framework --out x');
  } finally {
    if (saved === undefined) delete process.env.S2S_COMMAND_LINE;
    else process.env.S2S_COMMAND_LINE = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
