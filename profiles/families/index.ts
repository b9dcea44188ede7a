// Every attack family's members, and how a path instantiates them: one case per member that applies
// to the path, with the path's case id, requirement and mutations. A member that applies but has no
// id on the path is a hole in the catalog: instantiating the path fails and says which.
import type { InboundCase } from '../../harness/engine/case-model';
import * as M from '../../harness/tokens/mutations';
import { ALGORITHM } from './algorithm';
import { AUDIENCE, CLAIM_TYPES, ISSUER, TIME } from './claims';
import { JWS_FORM } from './jws-form';
import { KEY_RESOLUTION, SIGNATURE } from './key-resolution';
import { TRANSPORT } from './transport';
import { FAMILIES, type FamilyMember, type FamilyName, type TokenPath } from './types';

export const MEMBERS: FamilyMember[] = [...TRANSPORT, ...JWS_FORM, ...ALGORITHM, ...KEY_RESOLUTION, ...SIGNATURE, ...TIME, ...AUDIENCE, ...ISSUER, ...CLAIM_TYPES];

/** Why a member does not run on a path, or undefined when it does. */
export function whyNotOn(m: FamilyMember, p: TokenPath): string | undefined {
  if (!p.refs[m.family]) return p.notApplicable?.[m.family] ?? `the path names no requirement for family ${m.family}`;
  return p.notApplicable?.[m.key] ?? m.notApplicable?.(p);
}

/** The members that run on a path, each with its case id there; throws on a member without one. */
export function membersOn(p: TokenPath): Array<{ member: FamilyMember; id: string }> {
  const missing: string[] = [];
  const out: Array<{ member: FamilyMember; id: string }> = [];
  for (const member of MEMBERS) {
    if (whyNotOn(member, p)) continue;
    const id = p.ids[member.key];
    if (id) out.push({ member, id });
    else missing.push(member.key);
  }
  if (missing.length) throw new Error(`path ${p.name}: family members without a case id (add them to its ids table): ${missing.join(', ')}`);
  return out;
}

/** A path whose token travels in another header than Authorization: the baseline's token is moved there first. */
const inTokenHeader = (name: string): M.Mutation =>
  M.placeToken({ in: 'header', name, scheme: 'Bearer' }, `token in ${name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase())}: Bearer <token> (no Authorization header)`);

/** A path's family cases as catalog entries of a profile (ids prefixed, e.g. BF-C2B-). */
export function familyCases<Path extends string>(p: TokenPath, profile: string, idPrefix: string, defaultSpec: string): InboundCase<Path>[] {
  return membersOn(p).map(({ member, id }) => {
    const ref = p.refs[member.family]!;
    return {
      kind: 'inbound',
      id: `${idPrefix}-${id}`,
      profile,
      path: p.profilePath as Path,
      title: `${p.titlePrefix ?? ''}${member.title}`,
      requirement: { ids: ref.ids, spec: ref.spec ?? defaultSpec, section: ref.section, level: member.level },
      expect: member.expect,
      why: member.why,
      mutations: [...(p.tokenHeader ? [inTokenHeader(p.tokenHeader)] : []), ...member.mutations(p)],
      family: member.key,
      ...(member.location ? { location: member.location } : {}),
      ...(member.attackerMustNotBeContacted ? { attackerMustNotBeContacted: true } : {}),
      ...(p.extra?.anyClientErrorRefuses ? { anyClientErrorRefuses: true } : {}),
      ...(member.cwe.length ? { cwe: member.cwe } : {}),
    };
  });
}

/** The completeness matrix: for each family and path, how many members run there, or why none do. */
export function familyMatrix(paths: TokenPath[]): Array<{ family: FamilyName; cells: Array<{ path: string; runs: number; of: number; why?: string }> }> {
  return FAMILIES.map((family) => ({
    family,
    cells: paths.map((p) => {
      const members = MEMBERS.filter((m) => m.family === family);
      const skipped = members.map((m) => whyNotOn(m, p)).filter((why): why is string => Boolean(why));
      const why = [...new Set(skipped)].join('; ');
      return { path: p.name, runs: members.length - skipped.length, of: members.length, ...(why ? { why } : {}) };
    }),
  }));
}
