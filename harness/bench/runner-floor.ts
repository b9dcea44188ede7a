// The test runner's own floor: what Playwright takes to start, collect and run N tests that do
// nothing but one assertion, on the test type the cases use, with the workers a run uses. A matrix of N cases, one Playwright test
// each (the suite's rule), cannot run faster than this, whatever the harness and the SUT do.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../run/config';

export async function runnerFloor(tests: number, workers = 2): Promise<{ tests: number; workers: number; wall_s: number; ms_per_test: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's2s-bench-floor-'));
  try {
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFileSync(
      path.join(dir, 'empty.spec.ts'),
      // _baseTest, as the cases use (harness/engine/fixtures.ts): no browser fixtures.
      `import { expect, _baseTest as test } from '@playwright/test';\nfor (let i = 0; i < ${tests}; i++) test(\`t\${i}\`, () => expect(i).toBeGreaterThanOrEqual(0));\n`,
    );
    writeFileSync(path.join(dir, 'playwright.config.ts'), `export default { testDir: '.', workers: ${workers}, fullyParallel: true, reporter: 'null' };\n`);
    const started = Date.now();
    const code: number = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test'], { cwd: dir, stdio: 'ignore' });
      child.on('exit', (c) => resolve(c ?? 1));
    });
    if (code !== 0) throw new Error(`the runner-floor run exited ${code}`);
    const wall = (Date.now() - started) / 1000;
    return { tests, workers, wall_s: Number(wall.toFixed(2)), ms_per_test: Number(((wall * 1000) / tests).toFixed(1)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
