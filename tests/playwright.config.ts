// The project's own tests: unit tests of the harness, and the suite run against the reference SUT,
// every flawed variant, the misbehaving SUTs and the real SDK peers.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: __dirname,
  testMatch: /\.spec\.ts$/,
  fullyParallel: true,
  // Four runs at a time on two cores: a run waits (grace periods, hung key servers, process
  // start-up) a good part of its time; with three, a quarter of the CPU stayed idle, and five took
  // longer than four (9.1 against 7.8 minutes: docs/benchmark.md).
  workers: 4,
  retries: 0,
  timeout: 180_000,
  outputDir: path.join(__dirname, '..', 'reports', '.selftest-output'),
  reporter: [['list'], [require.resolve('./helpers/summary-reporter')]],
});
