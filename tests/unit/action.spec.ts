// The GitHub Action (action.yml): a composite action that sets up Node, installs the package, runs
// it, uploads the results even when the run failed, and fails by the CLI's exit code. Its scripts run
// here in bash as GitHub runs them (bash -e -o pipefail).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readAction, readYaml, runStepScript as runScript, type ActionStep } from '../helpers/action-yaml';

const action = readAction();
const steps = action.runs.steps;
const step = (pred: (s: ActionStep) => boolean, what: string): ActionStep => {
  const s = steps.find(pred);
  if (!s) throw new Error(`action.yml has no step ${what}`);
  return s;
};
const runStep = step((s) => s.id === 'run', 'with id run');
const gateStep = steps[steps.length - 1];

test('the reader takes the YAML action.yml is written in, and refuses what it does not read', () => {
  expect(readYaml('a: 1\nb:\n  c: "x y"\n  d:\n    - e: f\n      g: |\n        line 1\n        line 2\n    - e: h\n')).toEqual({
    a: '1',
    b: { c: 'x y', d: [{ e: 'f', g: 'line 1\nline 2\n' }, { e: 'h' }] },
  });
  expect(() => readYaml('a: [1, 2]\n')).toThrow('not a plain scalar');
  expect(() => readYaml('a: 1\na: 2\n')).toThrow('key a twice');
  expect(() => readYaml('a: 1\n  b: 2\n')).toThrow('indented more');
});

test('a composite action with the documented inputs, each described and used', () => {
  expect(action.runs.using).toBe('composite');
  expect(Object.keys(action.inputs)).toEqual(['sut', 'profile', 'version', 'args', 'out', 'expect-failures', 'artifact-name', 'node-version']);
  expect(action.inputs.sut.required).toBe('true');
  expect(action.inputs.profile.default).toBe('bot-framework');
  expect(action.inputs['node-version'].default).toBe('20');
  const text = readFileSync(path.join(__dirname, '..', '..', 'action.yml'), 'utf8');
  for (const [name, input] of Object.entries(action.inputs)) {
    expect(input.description, name).toBeTruthy();
    expect(text, `input ${name} is used`).toContain(`inputs.${name} }}`);
  }
  // An input's value never becomes part of a script (a SUT command with quotes, or an injection):
  // the scripts read them from the environment.
  for (const s of steps.filter((s) => s.run)) expect(s.run, s.name).not.toContain('${{');
});

test('the steps: set up Node, install, run, upload the results whatever happened, then the gate', () => {
  expect(steps[0].uses).toBe('actions/setup-node@v4');
  expect(steps[0].with?.['node-version']).toBe('${{ inputs.node-version }}');
  const install = step((s) => s.name === 'Install s2s-conformance', 'that installs the package');
  expect(install.run).toContain('npm install --no-save --no-audit --no-fund "s2s-conformance@$S2S_VERSION"');
  expect(steps.indexOf(install)).toBeLessThan(steps.indexOf(runStep));
  const upload = step((s) => s.uses === 'actions/upload-artifact@v4', 'that uploads');
  expect(upload.if).toBe('always()');
  expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(runStep));
  for (const f of ['results.json', 'junit.xml', 'results.sarif', 'summary.md']) expect(upload.with?.path.split('\n'), f).toContain(`\${{ inputs.out }}/${f}`);
  expect(gateStep.if).toBe('always()');
  expect(gateStep.env?.S2S_EXIT_CODE).toBe('${{ steps.run.outputs.exit-code }}');
  expect(action.outputs['exit-code'].value).toBe('${{ steps.run.outputs.exit-code }}');
});

test("the gate step exits with the run's exit code, and 3 when the run step did not get as far", () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 's2s-action-gate-'));
  try {
    for (const [code, expected] of [['0', 0], ['1', 1], ['3', 3], ['', 3]] as const) {
      const r = runScript(gateStep, { 'steps.run.outputs.exit-code': code }, cwd);
      expect(r.status, `exit-code "${code}"`).toBe(expected);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('the run step passes the inputs to the installed CLI as separate words, records its exit code and never fails itself', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 's2s-action-run-'));
  try {
    // The CLI as the run step finds it: npx runs the project's node_modules/.bin/s2s-conformance.
    // This one prints its arguments one per line, and exits 1 as a run with a MUST failure does.
    const bin = path.join(cwd, 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 's2s-conformance'), '#!/bin/sh\nfor a in "$@"; do echo "$a"; done > args.txt\nmkdir -p out && echo "# summary" > out/summary.md\nexit 1\n', { mode: 0o755 });
    writeFileSync(path.join(cwd, 'package.json'), '{"name":"my-bot","version":"1.0.0","private":true}');
    const files = { GITHUB_OUTPUT: path.join(cwd, 'output'), GITHUB_STEP_SUMMARY: path.join(cwd, 'step-summary') };
    const values = { 'inputs.sut': 'node "my bot.js" --port 1', 'inputs.profile': 'xoauth', 'inputs.args': '--strict --grep XO-0', 'inputs.out': 'out', 'inputs.expect-failures': 'known.json' };
    const r = runScript(runStep, values, cwd, { ...files, npm_config_offline: 'true' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, 'args.txt'), 'utf8').split('\n').filter(Boolean)).toEqual(['run', '--profile', 'xoauth', '--sut', 'node "my bot.js" --port 1', '--out', 'out', '--only-results', '--expect-failures', 'known.json', '--strict', '--grep', 'XO-0']);
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=1\nresults=out/results.json\n');
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe('# summary\n');
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
