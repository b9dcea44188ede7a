// The project's own tests: unit tests of the harness, and the suite run against the reference SUT,
// every flawed variant, the misbehaving SUTs and the real SDK peers.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: __dirname,
  testMatch: /\.spec\.ts$/,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 180_000,
  outputDir: path.join(__dirname, '..', 'reports', '.selftest-output'),
  reporter: [['list'], [require.resolve('./helpers/summary-reporter')]],
});
