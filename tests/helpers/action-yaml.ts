// A reader for action.yml, which keeps to a small part of YAML so that a few lines can read it (the
// project has no YAML parser among its dependencies): block mappings, block sequences of mappings,
// `|` block scalars, plain and quoted scalars, whole-line comments. Anything else throws, so
// action.yml cannot drift into YAML this reader would misread.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './run-cli';

export type Yaml = string | null | Yaml[] | { [key: string]: Yaml };

export function readYaml(text: string): Yaml {
  const lines = text.split('\n');
  let i = 0;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const skip = () => {
    while (i < lines.length && (lines[i].trim() === '' || lines[i].trimStart().startsWith('#'))) i++;
  };
  const fail = (why: string): never => {
    throw new Error(`action.yml line ${i + 1}: ${why}: ${JSON.stringify(lines[i])}`);
  };
  const scalar = (v: string): string => {
    if (/^'.*'$/.test(v)) return v.slice(1, -1).replace(/''/g, "'");
    if (/^".*"$/.test(v)) return JSON.parse(v) as string;
    if (/^[[{&*!%@`|>]/.test(v) || / #/.test(v)) fail('not a plain scalar this reader takes');
    return v;
  };
  function block(indent: number): Yaml {
    skip();
    return lines[i].slice(indent).startsWith('- ') ? sequence(indent) : mapping(indent);
  }
  function sequence(indent: number): Yaml[] {
    const items: Yaml[] = [];
    for (skip(); i < lines.length && indentOf(lines[i]) === indent && lines[i].slice(indent).startsWith('- '); skip()) {
      lines[i] = `${' '.repeat(indent + 2)}${lines[i].slice(indent + 2)}`; // the item is a mapping two columns in
      items.push(mapping(indent + 2));
    }
    return items;
  }
  function mapping(indent: number): { [key: string]: Yaml } {
    const map: { [key: string]: Yaml } = {};
    for (skip(); i < lines.length && indentOf(lines[i]) === indent && !lines[i].slice(indent).startsWith('- '); skip()) {
      const m = /^([\w.-]+):(?: (.*))?$/.exec(lines[i].slice(indent)) ?? fail('not "key: value"');
      const [, key, value = ''] = m;
      if (key in map) fail(`key ${key} twice`);
      i++;
      if (value === '|') {
        const body: string[] = [];
        while (i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) > indent)) body.push(lines[i++]);
        while (body.length && body[body.length - 1].trim() === '') body.pop();
        const by = Math.min(...body.filter((l) => l.trim()).map(indentOf));
        map[key] = body.map((l) => l.slice(by)).join('\n') + '\n';
      } else if (value === '') {
        skip();
        map[key] = i < lines.length && indentOf(lines[i]) > indent ? block(indentOf(lines[i])) : null;
      } else map[key] = scalar(value);
    }
    if (i < lines.length && indentOf(lines[i]) > indent) fail('indented more than its mapping');
    return map;
  }
  const doc = block(0);
  skip();
  if (i < lines.length) fail('not read');
  return doc;
}

export interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

export interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export const ACTION_FILE = path.join(REPO, 'action.yml');
export const readAction = (): Action => readYaml(readFileSync(ACTION_FILE, 'utf8')) as unknown as Action;

/** Runs a step's script as GitHub runs it (bash -e -o pipefail), its env's `${{ name }}` filled from `values`. */
export function runStepScript(s: ActionStep, values: Record<string, string>, cwd: string, extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extraEnv };
  for (const [k, v] of Object.entries(s.env ?? {})) env[k] = v.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], { cwd, env, encoding: 'utf8' });
}
