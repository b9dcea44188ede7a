// The resource-server case catalog shared by profiles sharepoint-s2s (MS-SPS2SAUTH, actor claim
// `actortoken`) and xoauth (MS-XOAUTH, actor claim `actort`). Each case names its requirement for
// each profile; where the specs disagree the later one (MS-XOAUTH rev. 8.0, 2025) stands and the
// case says so. Ids are public: never renumber. A case with no reference for a profile is not run there.
import { ofKind, type CaseDef } from '../../harness/engine/case-model';
import { coldStartTwins } from '../../harness/engine/cold-start-twins';
import { locationOf } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import { familyCases } from '../families';
import { actorCases } from './actor-cases';
import { endpointCases } from './endpoint-cases';
import { cveCases } from './cve-cases';
import { SPS, XO, type S2sCase } from './catalog-kit';
import { ACTOR_CLAIM, S2S_KEY_SERVER, type S2sPath, type S2sProfile } from './facts';
import { s2sPaths } from './paths';
import { tokenCases } from './token-cases';

/** The profiles' own rules, in catalog order. */
function catalog(): S2sCase[] {
  return [...tokenCases(), ...actorCases(), ...cveCases(), ...endpointCases()];
}

/** The actor claim placeholders of the catalog, resolved per profile (the other profile's name, and a raw value). */
function forProfile(profile: S2sProfile, m: M.Mutation): M.Mutation {
  const other = profile === 'xoauth' ? ACTOR_CLAIM['sharepoint-s2s'] : ACTOR_CLAIM.xoauth;
  return {
    describe: m.describe.replace('__other__', other).replace('__actor__', ACTOR_CLAIM[profile]),
    apply: (d, ctx) => {
      m.apply(d, ctx);
      if (d.token.embed?.claim === '__other__') d.token.embed.claim = other;
      if ('__actor__' in d.token.claims) {
        d.token.claims[ACTOR_CLAIM[profile]] = d.token.claims.__actor__;
        delete d.token.claims.__actor__;
      }
    },
  };
}

export function s2sCases(profile: S2sProfile): CaseDef<S2sPath>[] {
  const prefix = profile === 'xoauth' ? 'XOAUTH' : 'SPS2S';
  const spec = profile === 'xoauth' ? XO : SPS;
  const own = protocolCases(profile, prefix);
  // The same faults from a cold start (SPS2S-CSF-010/012/014, XOAUTH-CSF-010/012/014, one per
  // fail-closed KLC case): each in a world of its own whose fresh SUT process meets the faulty
  // metadata at its first fetch, so a SUT in any language is judged.
  const coldStart = coldStartTwins(own.filter(ofKind('lifecycle')), (id) => id.replace('-KLC-', '-CSF-'));
  return [...own, ...s2sPaths(profile).flatMap((p) => familyCases<S2sPath>(p, profile, prefix, spec).map((c) => ({ ...c, mutations: c.mutations.map((m) => forProfile(profile, m)) }))), ...coldStart];
}

/** The profiles' own rules (the attack families come from profiles/families). */
function protocolCases(profile: S2sProfile, prefix: string): CaseDef<S2sPath>[] {
  return catalog().flatMap((x): CaseDef<S2sPath>[] => {
    const ref = profile === 'xoauth' ? x.xo : x.sps;
    if (!ref) return [];
    const base = {
      id: `${prefix}-${x.id}`,
      profile,
      path: x.path,
      location: locationOf(x),
      title: x.title,
      requirement: { ids: ref.ids, spec: ref.spec ?? (profile === 'xoauth' ? XO : SPS), section: ref.section, level: ref.level },
      // An INFO case is reported, never failed, in every profile it runs in.
      expect: ref.level === 'INFO' ? 'either' : x.expect,
      why: x.why,
      mutations: x.mutations.map((m) => forProfile(profile, m)),
      isControl: x.isControl,
      cwe: x.cwe,
    };
    // A catalog entry with a key-lifecycle script is a lifecycle case (run after all others, one at a time).
    if (x.lifecycle) return [{ ...base, kind: 'lifecycle', lifecycle: { keyServer: S2S_KEY_SERVER, ...x.lifecycle }, retryWhileRefusedMs: x.retryWhileRefusedMs }];
    return [{ ...base, kind: 'inbound', attackerMustNotBeContacted: x.attackerMustNotBeContacted, responseCheck: x.responseCheck, retryWhileRefusedMs: x.retryWhileRefusedMs, ...(x.endpoints ? { endpoints: x.endpoints } : {}), ...(x.readChallenge ? { readChallenge: true } : {}), ...(x.fetchBudget ? { fetchBudget: x.fetchBudget } : {}) }];
  });
}
