// Interop: the stock botbuilder bot and the stock @microsoft/agents-hosting bot, configured only by
// the contract environment, run the whole bot-framework matrix. Every observed outcome is pinned, so a
// change in either SDK or in the suite shows up; the departures are the README's findings.
// One worker: botbuilder's accepted-issuer list grows with what it has seen, so order matters.
import { expect, test } from '@playwright/test';
import peers from './expectations/bot-framework-sdk-peers.json';
import { flawEntry } from './helpers/flaw-entry';
import { runCli } from './helpers/run-cli';

const BOTS: Record<keyof typeof peers, string> = {
  botbuilder: 'node fixtures/suts/botbuilder-echo/bot.cjs',
  'agents-hosting': 'node fixtures/suts/agents-hosting-echo/bot.cjs',
};

for (const [name, expected] of Object.entries(peers) as Array<[keyof typeof peers, (typeof peers)['botbuilder']]>) {
  test(`stock ${name} bot: pinned outcome of every case`, async () => {
    const r = await runCli(['run', '--sut', BOTS[name], '--workers', '1', '--sut-name', name]);
    const doc = r.results!;
    expect(doc.cases.filter((c) => c.id === 'BF-C2B-POS-001')[0].outcome).toBe('pass');
    // Every outcome as pinned, egress included: the preload refuses and records every connection
    // that is neither loopback nor a faked Microsoft host.
    expect(flawEntry(doc)).toEqual(expected);
  });
}
