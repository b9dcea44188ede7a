// The cold-start twins (harness/engine/cold-start-twins.ts) and when a run can start their worlds
// (harness/run/cold-worlds.ts): same rule, level and requirement ids as the fail-closed lifecycle
// case each mirrors; none with --target.
import { expect, test } from '@playwright/test';
import { ofKind } from '../../harness/engine/case-model';
import { isFailClosedCase } from '../../harness/engine/cold-start-twins';
import { coldStartUnavailable } from '../../harness/run/cold-worlds';
import { CATALOGS } from '../../profiles/registry';

test('bot-framework: each fail-closed KLC case has its CSF twin, with the same rule, level, expectation and fault', () => {
  const lifecycle = CATALOGS['bot-framework'].filter(ofKind('lifecycle'));
  const failClosed = lifecycle.filter(isFailClosedCase);
  expect(failClosed.map((c) => c.id)).toEqual(['010', '011', '012', '013', '014', '015', '016'].map((n) => `BF-C2B-KLC-${n}`));
  for (const c of failClosed) {
    const twin = lifecycle.find((t) => t.id === c.id.replace('-KLC-', '-CSF-'))!;
    expect(twin.coldStart).toBe(true);
    expect(twin.requirement).toEqual(c.requirement);
    expect(twin.expect).toBe('reject');
    expect(twin.lifecycle.before).toEqual(c.lifecycle.before);
    expect(twin.lifecycle.mustFetchDuringFault).toBe(c.lifecycle.mustFetchDuringFault);
    expect(twin.lifecycle.advanceClockMs).toBe(0);
    expect(twin.why).toContain('first key fetch');
  }
  // Only the fail-closed cases have twins.
  expect(lifecycle.filter((c) => c.coldStart).length).toBe(failClosed.length);
});

// The same derivation in the other server-role profiles that have fail-closed lifecycle cases: the
// s2s STS publishes its certificates in one document (no jwks_uri), so 011/013/015/016 have no twin there.
for (const [profile, prefix, numbers] of [
  ['actionable-messages', 'AM', ['010', '011', '012', '013', '014', '015', '016']],
  ['actionable-messages-entra', 'AME', ['010', '011', '012', '013', '014', '015', '016']],
  ['sharepoint-s2s', 'SPS2S', ['010', '012', '014']],
  ['xoauth', 'XOAUTH', ['010', '012', '014']],
] as const) {
  test(`${profile}: each fail-closed KLC case has its CSF twin, with the same rule, level, expectation and fault`, () => {
    const lifecycle = CATALOGS[profile].filter(ofKind('lifecycle'));
    const failClosed = lifecycle.filter(isFailClosedCase);
    expect(failClosed.map((c) => c.id)).toEqual(numbers.map((n) => `${prefix}-KLC-${n}`));
    for (const c of failClosed) {
      const twin = lifecycle.find((t) => t.id === `${prefix}-CSF-${c.id.slice(-3)}`)!;
      expect(twin.coldStart).toBe(true);
      expect(twin.path).toBe(c.path);
      expect(twin.requirement).toEqual(c.requirement);
      expect(twin.expect).toBe('reject');
      expect(twin.lifecycle.keyServer).toBe(c.lifecycle.keyServer);
      expect(twin.lifecycle.before).toEqual(c.lifecycle.before);
      expect(twin.lifecycle.mustFetchDuringFault).toBe(c.lifecycle.mustFetchDuringFault);
      expect(twin.lifecycle.advanceClockMs).toBe(0);
    }
    expect(lifecycle.filter((c) => c.coldStart).length).toBe(failClosed.length);
  });
}

test('cold-start worlds need a SUT command: with --target the cases say why they were not run', () => {
  expect(coldStartUnavailable({ sut: { command: 'node bot.mjs', cwd: '.' } }, false)).toBeUndefined();
  expect(coldStartUnavailable({ target: 'http://127.0.0.1:3978/api/messages' }, false)).toMatch(/^not run: .*--target/);
});
