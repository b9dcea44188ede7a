// A compact way to write bot-framework cases as data: shared spec references and a builder that
// fills in the profile and prefixes ids per family. Ids are public: never renumber.
import type { CaseText, InboundCase } from '../../harness/engine/case-model';
import type { BotPath } from './facts';
import type { Mutation } from '../../harness/tokens/mutations';
import { callerLocation } from '../../harness/engine/catalog-location';

export const SPEC = 'bot-framework-authentication';
export const FACTS = 'current-practice';

export const C2B_REQ = (n: number) => `Connector -> Bot, Step 3, requirement ${n}`;
export const EMU_REQ = (n: number) => `Emulator -> Bot, Step 3, requirement ${n}`;
export const FACT = (topic: string) => `docs/facts.md > Bot Framework > ${topic}`;

export interface CaseSpec extends CaseText {
  path?: BotPath;
  attackerMustNotBeContacted?: boolean;
  noReplyAfterRefusal?: boolean;
  mustHaveFetched?: { server: string; path: string };
}

export function family(prefix: 'BF-C2B' | 'BF-EMU', defaultPath: BotPath) {
  const cases: InboundCase<BotPath>[] = [];
  const add = (id: string, spec: CaseSpec, mutations: Mutation[]): void => {
    cases.push({
      kind: 'inbound',
      id: `${prefix}-${id}`,
      profile: 'bot-framework',
      path: spec.path ?? defaultPath,
      location: callerLocation(1, id),
      title: spec.title,
      requirement: { ids: spec.ids, spec: spec.spec ?? SPEC, section: spec.section, level: spec.level },
      expect: spec.expect,
      why: spec.why,
      mutations,
      isControl: spec.isControl,
      attackerMustNotBeContacted: spec.attackerMustNotBeContacted,
      noReplyAfterRefusal: spec.noReplyAfterRefusal,
      mustHaveFetched: spec.mustHaveFetched,
      cwe: spec.cwe,
    });
  };
  return { cases, add };
}
