// Where a catalog entry is written (harness/engine/catalog-location.ts): read from the stack where an
// entry is added (through a helper that calls add), found by id for entries written as literals, and
// handed to Playwright for the case's test. tests/unit/case-tests.spec.ts checks the tests Playwright
// lists are at those locations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { callerLocation, defineAt, entryLocation, located, locationOf } from '../../harness/engine/catalog-location';
import type { SourceLocation } from '../../harness/core/vocabulary';
import { CATALOGS } from '../../profiles/registry';

const THIS = readFileSync(__filename, 'utf8').split('\n');
/** The line of this file that holds a marker. */
const lineOf = (marker: string) => THIS.findIndex((l) => l.includes(marker) && !l.includes('lineOf(')) + 1;

test('callerLocation: the catalog line that called add, looking through a helper by the entry\'s id', () => {
  const entries: Array<{ id: string }> = [];
  const add = (x: { id: string }) => void entries.push(located(x, callerLocation(1, x.id)));
  const reject = (id: string) => add({ id });
  add({ id: 'T-001' }); // marker: direct
  reject('T-002'); // marker: through a helper
  add({
    id: 'T-003', // written on the line after the call
  });
  const at = (id: string) => locationOf(entries.find((e) => e.id === id)!);
  expect(at('T-001')).toMatchObject({ file: __filename, line: lineOf('marker: direct') });
  expect(at('T-002')).toMatchObject({ file: __filename, line: lineOf('marker: through a helper') });
  expect(at('T-003')).toMatchObject({ file: __filename, line: lineOf('marker: through a helper') + 1 }); // the call, not the id's line
  // Without the id, a helper's own line (the one that calls add) is what the stack says.
  const plain: Array<SourceLocation | undefined> = [];
  const addPlain = () => void plain.push(callerLocation(1));
  const helper = () => addPlain(); // marker: helper's add
  helper();
  expect(plain[0]).toMatchObject({ file: __filename, line: lineOf('marker: helper\'s add') });
});

test('entryLocation: an entry written as a literal, found by its id in the calling file; none when not written once', () => {
  const literal = [{ n: 1, id: 'L-001' }]; // marker: literal entry
  expect(literal.map((x) => entryLocation(x.id))[0]).toMatchObject({ file: __filename, line: lineOf('marker: literal entry') });
  expect(entryLocation('NOWHERE-1')).toBeUndefined();
});

/** What Playwright 1.65's wrapFunctionWithLocation does to find where test() was called. */
function playwrightLocation(limit = 2): unknown {
  const prepare = Error.prepareStackTrace;
  const stackTraceLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_e, frames) => ({ file: frames[1].getFileName(), line: frames[1].getLineNumber(), column: frames[1].getColumnNumber() });
  Error.stackTraceLimit = limit;
  const obj: { stack?: unknown } = {};
  try {
    Error.captureStackTrace(obj);
    return obj.stack;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    Error.prepareStackTrace = prepare;
  }
}

test('defineAt: Playwright\'s capture yields the given location; no location, or another capture, is left alone', () => {
  const entry = { file: '/somewhere/cases.ts', line: 12, column: 3 };
  const captureStackTrace = Error.captureStackTrace;
  expect(defineAt(entry, () => playwrightLocation())).toEqual(entry);
  // Otherwise the capture is the one Playwright would have made: the same frames (the wrapper is left out).
  const viaTest = () => playwrightLocation();
  const viaTest3 = () => playwrightLocation(3);
  expect(viaTest()).toMatchObject({ file: expect.stringContaining('catalog-location.spec.ts') });
  expect(defineAt(undefined, viaTest)).toEqual(viaTest());
  expect(defineAt(entry, viaTest3)).toEqual(viaTest3());
  expect(() => defineAt(entry, () => {
    throw new Error('boom');
  })).toThrow('boom');
  expect(Error.captureStackTrace).toBe(captureStackTrace);
});

test('the catalogs: a case added through a builder is located at its catalog line', () => {
  const all = Object.values(CATALOGS).flat();
  const of = (id: string) => all.find((c) => c.id === id)?.location;
  const expectAt = (id: string, file: string, literal: string) => {
    const loc = of(id);
    expect(loc?.file, id).toMatch(new RegExp(`${file.replace(/\//g, '[\\\\/]')}$`));
    expect(readFileSync(loc!.file, 'utf8').split('\n')[loc!.line - 1], id).toContain(`'${literal}'`);
  };
  expectAt('BF-C2B-POS-001', 'profiles/bot-framework/cases.ts', 'POS-001');
  expectAt('BF-EMU-POS-001', 'profiles/bot-framework/cases.ts', 'POS-001');
  expect(of('BF-EMU-POS-001')!.line).not.toBe(of('BF-C2B-POS-001')!.line);
  expectAt('BF-C2B-KLC-001', 'profiles/bot-framework/key-lifecycle-cases.ts', '001');
  expectAt('AM-POS-001', 'profiles/actionable-messages/cases.ts', 'POS-001');
  expectAt('AME-POS-001', 'profiles/actionable-messages/cases.ts', 'POS-001');
  expectAt('SPS2S-POS-001', 'profiles/s2s/token-cases.ts', 'POS-001');
  expectAt('S2SC-POS-001', 'profiles/s2s-client/cases.ts', 'POS-001');
  expectAt('BF-B2O-POS-001', 'profiles/bot-outbound/token-cases.ts', 'POS-001');
  // Every location a case has is a line of a catalog file.
  for (const c of all.filter((x) => x.location)) {
    expect(path.relative(path.join(__dirname, '..', '..'), c.location!.file), c.id).toMatch(/^profiles[\\/]/);
    expect(readFileSync(c.location!.file, 'utf8').split('\n').length, c.id).toBeGreaterThanOrEqual(c.location!.line);
  }
});
