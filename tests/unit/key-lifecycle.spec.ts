// The key-lifecycle machinery on its own: the SUT clock preload (run in a child Node process, as a
// SUT runs it) and the key set's publish/withdraw/fault state with each fault's answer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { KeySetLifecycle } from '../../harness/servers/key-lifecycle';
import { SutClock } from '../../harness/run/sut-clock';

const PRELOAD = path.join(__dirname, '..', '..', 'harness', 'sut', 'clock-preload.cjs');
const DAY = 24 * 3600_000;

function inPreloadedNode(script: string, clockFile: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--require', PRELOAD, '-e', script], { env: { ...process.env, S2S_CLOCK_FILE: clockFile }, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

test('the clock preload moves Date and performance.now by the offset, keeps Date\'s identity, and acknowledges', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's2s-clock-'));
  const file = path.join(dir, 'offset');
  writeFileSync(file, String(DAY));
  const realBefore = Date.now();
  const perfBefore = performance.timeOrigin + performance.now();
  const seen = inPreloadedNode(
    `class Sub extends Date {}
     const sub = new Sub();
     console.log(JSON.stringify({ now: Date.now(), made: new Date().getTime(), str: Date(), fixed: new Date(0).getTime(),
       isDate: new Date() instanceof Date, tag: Object.prototype.toString.call(new Date()), sub: sub instanceof Sub && sub instanceof Date,
       subShift: sub.getTime(), perf: performance.timeOrigin + performance.now(), parse: Date.parse('1970-01-02T00:00:00Z'), utc: Date.UTC(1970, 0, 2) }));`,
    file,
  );
  const realAfter = Date.now();
  expect(seen.now as number).toBeGreaterThanOrEqual(realBefore + DAY);
  expect(seen.now as number).toBeLessThanOrEqual(realAfter + DAY);
  expect(seen.made as number).toBeGreaterThanOrEqual(realBefore + DAY);
  expect(new Date(seen.str as string).getTime()).toBeGreaterThanOrEqual(Math.floor((realBefore + DAY) / 1000) * 1000);
  expect(seen.fixed).toBe(0); // explicit dates are not shifted
  expect(seen).toMatchObject({ isDate: true, tag: '[object Date]', sub: true, parse: 86_400_000, utc: 86_400_000 });
  expect(seen.subShift as number).toBeGreaterThanOrEqual(realBefore + DAY);
  expect(seen.perf as number).toBeGreaterThanOrEqual(perfBefore + DAY);
  expect(readFileSync(`${file}.seen`, 'utf8')).toBe(String(DAY));
});

test('SutClock accumulates offsets and reports whether the SUT acknowledged', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's2s-clock-'));
  const clock = new SutClock(path.join(dir, 'offset'));
  expect(readFileSync(clock.file, 'utf8')).toBe('0');
  const first = await clock.advance(1000); // nobody reads it: not acknowledged (after its 1 s wait)
  expect(first).toEqual({ offsetMs: 1000, acknowledged: false });
  writeFileSync(`${clock.file}.seen`, '3000'); // what a preloaded SUT writes once it read 3000
  expect(await clock.advance(2000)).toEqual({ offsetMs: 3000, acknowledged: true });
  expect(readFileSync(clock.file, 'utf8')).toBe('3000');
});

test('the key set: publish, withdraw, unknown names refused, faults set and cleared', async () => {
  const set = new KeySetLifecycle(['a', 'b'], (n) => ['a', 'b', 'c'].includes(n));
  expect(set.apply({ publish: ['c'], withdraw: ['a'] })).toEqual({ published: ['b', 'c'], fault: null });
  expect(() => set.apply({ publish: ['nope'] })).toThrow('no signing key named nope');
  expect(() => set.apply({ fault: { target: 'jwks', kind: 'bogus' as never } })).toThrow('no fault bogus');
  set.apply({ fault: { target: 'metadata', kind: 'status-500' } });
  expect(set.faultFor('metadata')).toBe('status-500');
  expect(set.faultFor('jwks')).toBeUndefined();
  expect(await set.faultyAnswer('status-500')).toMatchObject({ status: 500 });
  const broken = await set.faultyAnswer('malformed-json');
  expect(broken?.status).toBe(200);
  expect(() => JSON.parse(broken?.body as string)).toThrow();
  expect(await set.faultyAnswer('plain-http-jwks-uri')).toBeUndefined(); // a metadata change, not an answer
  set.apply({ fault: null });
  expect(set.faultFor('metadata')).toBeUndefined();
});

test('a hung answer is held until the fault is cleared; a slow one comes late, then as usual', async () => {
  const set = new KeySetLifecycle([], () => true);
  set.apply({ fault: { target: 'jwks', kind: 'hang' } });
  let answered = false;
  const hung = set.faultyAnswer('hang').then((r) => ((answered = true), r));
  await new Promise((r) => setTimeout(r, 200));
  expect(answered).toBe(false);
  set.apply({ fault: null });
  expect(await hung).toMatchObject({ status: 503 });
  const started = Date.now();
  expect(await set.faultyAnswer('slow')).toBeUndefined();
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
});
