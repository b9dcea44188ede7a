// Typed Playwright fixtures: one HarnessClient per worker (the fakes and the SUT are run-scoped and
// live in the runner process; workers reach them over loopback).
import { test as base } from '@playwright/test';
import { HarnessClient } from './harness-client';

export const test = base.extend<object, { harness: HarnessClient }>({
  harness: [async ({}, use) => use(new HarnessClient()), { scope: 'worker' }],
});
