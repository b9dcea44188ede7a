// The s2s-client profile's own promises, beyond the reference and flaw runs pinned in
// suite-self-test-profiles.spec.ts: a one-shot client that hangs or does nothing is judged with a
// clear reason (never a hung suite), and proxy mode tunnels the target host on both of its ports.
import { expect, test } from '@playwright/test';
import { CATALOGS } from '../profiles/registry';
import { removeFoldersOfPassingTests, runCli } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

const TOTAL = CATALOGS['s2s-client'].length;

test('--list --profile s2s-client prints the client cases, no SUT needed', async () => {
  const r = await runCli(['--list', '--profile', 's2s-client']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`${TOTAL} cases`);
  expect(r.stdout).toMatch(/S2SC-OUT-003\s+MUST\s+accept\s+XO-28/);
});

test('a client that never exits: stopped at the deadline, every case an error saying so, exit 3, no hung suite', async () => {
  const started = Date.now();
  const r = await runCli(['run', '--profile', 's2s-client', '--sut', 'node -e "setInterval(() => {}, 1000)"', '--timeout-ms', '1500', '--workers', '1', '--only-results']);
  expect(r.code).toBe(3);
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(r.results!.cases).toHaveLength(TOTAL);
  expect(r.results!.summary.error).toBe(TOTAL);
  for (const c of r.results!.cases) expect(c.reason).toMatch(/the SUT did not exit within 3000 ms and was stopped \(a hung client\)/);
  expect(r.results!.cases.find((c) => c.id === 'S2SC-DSC-001')!.reason).toMatch(/^positive control S2SC-POS-001: /);
});

test('a client that exits at once without a request: the control fails, every other case is inconclusive', async () => {
  const r = await runCli(['run', '--profile', 's2s-client', '--sut', 'node -e "process.exit(0)"', '--workers', '1', '--only-results']);
  expect(r.code).toBe(1);
  const byOutcome = (o: string) => r.results!.cases.filter((c) => c.outcome === o).map((c) => c.id);
  expect(byOutcome('fail')).toEqual(['S2SC-POS-001', 'S2SC-POS-002']);
  expect(byOutcome('inconclusive')).toHaveLength(TOTAL - 2);
  expect(r.results!.cases[0].reason).toMatch(/no token reached the target \(0 request\(s\), none carrying a token\); the SUT exited 0/);
  expect(r.results!.cases[0].observed.sutExit).toMatchObject({ code: 0 });
});

test('proxy mode: a client behind global-agent reaches the resource host through the proxy on 443 and 8443, and passes', async () => {
  const r = await runCli(['run', '--profile', 's2s-client', '--proxy', '--sut', 'node -r global-agent/bootstrap fixtures/suts/s2s-client/reference.mjs', '--workers', '1', '--only-results']);
  expect(r.code).toBe(0);
  expect(r.results!.summary.pass).toBe(TOTAL);
  expect(r.results!.harness.egress).toEqual([]);
  expect(Object.keys(r.results!.harness.proxy!.tunnels).sort()).toEqual(['sharepoint.contoso.test:443', 'sharepoint.contoso.test:8443']);
});
