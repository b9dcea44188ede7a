// The bot-outbound case catalog (Bot -> Connector, the spec's steps 1-3): the SUT is a bot; the
// harness sends it valid channel activities whose serviceUrl is the fake Connector, so that it
// replies, and judges what the bot sent: its token request to the fake STS (ToChannelFromBotLoginUrl),
// the bearer of its replies (which the fake Connector verifies against the STS's keys: signature,
// aud, appid), how it caches and renews that token, where the token goes (never to a decoy, never over
// plain HTTP), and how it lives through a failing STS. The cases run one at a time in this order: the
// bot's token cache is state they share (the clock cases count on the one before having fetched).
// Ids are public: never renumber.
//
// expect: `accept` — the bot must do what the check says; `reject` — no bearer may reach the decoy or
// the plain-HTTP Connector; `either` — reported only (INFO).
import type { OutboundCase } from '../../harness/engine/case-model';
import { locationOf } from '../../harness/engine/catalog-location';
import { deliveryCases } from './delivery-cases';
import { SPEC } from './judging';
import { tokenCases } from './token-cases';

/** The catalog in its order (./token-cases.ts, then ./delivery-cases.ts). */
const catalog = () => [...tokenCases(), ...deliveryCases()];

export function botOutboundCases(): OutboundCase[] {
  return catalog().map((x) => ({
    kind: 'outbound',
    id: `BF-B2O-${x.id}`,
    profile: 'bot-outbound',
    path: 'channel',
    location: locationOf(x),
    title: x.title,
    requirement: { ids: x.ids, spec: x.spec ?? SPEC, section: x.section, level: x.level },
    expect: x.expect,
    why: x.why,
    mutations: [],
    ...(x.isControl ? { isControl: true } : {}),
    outbound: { run: x.run, ...(x.onControl ? { onControl: true } : {}), ...(x.world ? { world: x.world } : {}) },
    ...(x.cwe ? { cwe: x.cwe } : {}),
  }));
}
