// `run --profile all`: each profile's run gets the invocation's arguments with its own --profile and
// --out, and the invocation exits with the worst of their codes.
import { expect, test } from '@playwright/test';
import { profileArgv, worstExit } from '../../harness/cli/multi-profile';

test("a profile's arguments: the invocation's, its own --profile and --out (in either form) replaced", () => {
  expect(profileArgv(['run', '--profile', 'all', '--sut', 'node bot.js', '--out=reports/x', '--only-results'], 'xoauth', '/o/xoauth')).toEqual(['run', '--sut', 'node bot.js', '--only-results', '--profile', 'xoauth', '--out', '/o/xoauth']);
  expect(profileArgv(['run', '--profile=a,b'], 'b', '/o/b')).toEqual(['run', '--profile', 'b', '--out', '/o/b']);
});

test('the worst exit: a harness or SUT error over a usage error over a MUST failure over a pass', () => {
  expect(worstExit([0, 0])).toBe(0);
  expect(worstExit([0, 1])).toBe(1);
  expect(worstExit([1, 2, 0])).toBe(2);
  expect(worstExit([2, 3, 1])).toBe(3);
  expect(worstExit([0, 130])).toBe(3); // a run cut short by a signal proved nothing
});
