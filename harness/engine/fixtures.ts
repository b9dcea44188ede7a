// Typed Playwright fixtures: one HarnessClient per worker (the fakes and the SUT are run-scoped and
// live in the runner process; workers reach them over loopback).
//
// Built on `_baseTest`, Playwright's test without its browser fixtures: `test` adds automatic
// per-test fixtures (trace recording, context options) that every case paid for, although no case
// opens a browser or an APIRequestContext; each fixture's setup and teardown is a step with a
// captured stack, which was about 40% of a worker's CPU in a run.
import { _baseTest } from '@playwright/test';
import { HarnessClient } from './harness-client';

export const test = _baseTest.extend<object, { harness: HarnessClient }>({
  harness: [async ({}, use) => use(new HarnessClient()), { scope: 'worker' }],
});
