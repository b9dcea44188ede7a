// What every case result repeats of its catalog entry (results.json's public case fields).
import { cweOf } from '../results/cwe';
import type { CaseDef, CaseResult } from './case-model';

export type CaseIdentity = Pick<CaseResult, 'id' | 'profile' | 'title' | 'requirement' | 'expect' | 'why' | 'cwe'>;

export function caseIdentity(def: CaseDef): CaseIdentity {
  return { id: def.id, profile: def.profile, title: def.title, requirement: def.requirement, expect: def.expect, why: def.why, cwe: cweOf(def) };
}

/** A case that produced no result of its own (never ran, timed out, the harness failed): `error`, with why. */
export function errorResult(def: CaseDef, reason: string): CaseResult {
  return { ...caseIdentity(def), observed: {}, outcome: 'error', reason, evidence: { mutations: def.mutations.map((m) => m.describe) } };
}
