// The case model is a union on the kind of case (harness/engine/case-model.ts): every catalog case
// has a kind that fits its fields, and each profile has only the kinds its role allows and a spec
// file that runs each kind it has (define-suite.ts selects a suite's cases by kind: a case of a
// kind no spec file runs would silently never run).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CaseDef, CaseKind } from '../../harness/engine/case-model';
import { CATALOGS, PROFILE, PROFILE_NAMES } from '../../profiles/registry';

const ROOT = path.join(__dirname, '..', '..');

const KINDS: readonly CaseKind[] = ['inbound', 'lifecycle', 'client', 'outbound'];

/** The field only a case of each kind carries (its runner's script or spec). */
const SPEC_FIELD = { lifecycle: 'lifecycle', client: 'client', outbound: 'outbound' } as const;

/** Fields only an inbound case's runner reads (harness/engine/run-case.ts). */
const INBOUND_ONLY = ['mustHaveFetched', 'attackerMustNotBeContacted', 'noReplyAfterRefusal', 'responseCheck', 'fetchBudget', 'replay'];
/** Fields the inbound and the lifecycle runners read, no other. */
const INBOUND_OR_LIFECYCLE = ['retryWhileRefusedMs', 'anyClientErrorRefuses'];

/** What is wrong with one case's fields for its kind. */
function problemsOf(c: CaseDef): string[] {
  const has = (field: string) => (c as unknown as Record<string, unknown>)[field] !== undefined;
  const problems: string[] = [];
  if (!KINDS.includes(c.kind)) return [`unknown kind ${String(c.kind)}`];
  for (const [kind, field] of Object.entries(SPEC_FIELD)) {
    if (c.kind === kind && !has(field)) problems.push(`a ${kind} case without its ${field} spec`);
    if (c.kind !== kind && has(field)) problems.push(`a ${c.kind} case with a ${field} spec`);
  }
  if (c.kind !== 'inbound') for (const f of INBOUND_ONLY.filter(has)) problems.push(`a ${c.kind} case with ${f} (only inbound cases read it)`);
  if (c.kind === 'client' || c.kind === 'outbound') for (const f of INBOUND_OR_LIFECYCLE.filter(has)) problems.push(`a ${c.kind} case with ${f}`);
  if (c.kind !== 'inbound' && c.mutations.length) problems.push(`a ${c.kind} case with mutations (they stay empty)`);
  if (c.kind !== 'inbound' && c.family) problems.push(`a ${c.kind} case as an attack family member`);
  return problems;
}

test('every catalog case has a kind consistent with its fields', () => {
  const problems = PROFILE_NAMES.flatMap((p) => CATALOGS[p].flatMap((c) => problemsOf(c).map((x) => `${p} ${c.id}: ${x}`)));
  expect(problems).toEqual([]);
});

test('the consistency check sees a kind that does not fit its fields', () => {
  const inbound = CATALOGS['bot-framework'].find((c) => c.kind === 'inbound')!;
  const lifecycle = CATALOGS['bot-framework'].find((c) => c.kind === 'lifecycle')!;
  expect(problemsOf({ ...inbound, kind: 'lifecycle' } as unknown as CaseDef)).toContain('a lifecycle case without its lifecycle spec');
  expect(problemsOf({ ...lifecycle, kind: 'inbound' } as unknown as CaseDef)).toContain('a inbound case with a lifecycle spec');
  expect(problemsOf({ ...lifecycle, attackerMustNotBeContacted: true } as CaseDef)).toEqual(['a lifecycle case with attackerMustNotBeContacted (only inbound cases read it)']);
});

/** The kinds a role allows: a client-role SUT only sends tokens; a server-role SUT receives them
 *  (inbound and key-lifecycle cases) or, as a bot, replies to the Connector (outbound cases). */
const ROLE_KINDS: Record<'server' | 'client', CaseKind[]> = { server: ['inbound', 'lifecycle', 'outbound'], client: ['client'] };

/** The spec file that runs each kind, and the define-suite function it calls. */
const RUNS_KIND: Record<CaseKind, { file: (spec: string) => string; define: string }> = {
  inbound: { file: (s) => `${s}.spec.ts`, define: 'defineSuite' },
  lifecycle: { file: (s) => `${s}.lifecycle.spec.ts`, define: 'defineLifecycleSuite' },
  client: { file: (s) => `${s}.spec.ts`, define: 'defineClientSuite' },
  outbound: { file: (s) => `${s}.serial.spec.ts`, define: 'defineOutboundSuite' },
};

test("each profile's cases are of the kinds its role allows, and a spec file runs each kind it has", () => {
  const problems: string[] = [];
  for (const p of PROFILE_NAMES) {
    const entry = PROFILE[p];
    const kinds = [...new Set(CATALOGS[p].map((c) => c.kind))];
    expect(kinds.length, p).toBeGreaterThan(0);
    for (const k of kinds.filter((k) => !ROLE_KINDS[entry.role].includes(k))) problems.push(`${p} (role ${entry.role}): ${k} cases`);
    // Outbound cases (a bot's replies) are a profile of their own: never mixed with inbound ones.
    if (kinds.includes('outbound') && kinds.length > 1) problems.push(`${p}: outbound cases mixed with ${kinds.filter((k) => k !== 'outbound').join(', ')}`);
    for (const k of KINDS) {
      const file = path.join(ROOT, 'profiles', entry.folder, RUNS_KIND[k].file(entry.spec));
      const runs = existsSync(file) && readFileSync(file, 'utf8').includes(`${RUNS_KIND[k].define}(CATALOGS['${p}']`);
      if (kinds.includes(k) && !runs) problems.push(`${p}: ${k} cases, but ${path.relative(ROOT, file)} does not run them (${RUNS_KIND[k].define})`);
      if (!kinds.includes(k) && runs) problems.push(`${p}: ${path.relative(ROOT, file)} runs ${k} cases, and the catalog has none`);
    }
  }
  expect(problems).toEqual([]);
});
