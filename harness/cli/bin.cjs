#!/usr/bin/env node
// Entry point of the s2s-conformance command. In a clone (main.ts beside this file) it loads the
// TypeScript through tsx, a dev dependency; an installed package ships no .ts and runs the
// JavaScript that `npm pack` compiled into dist/ (prepack), so it needs no tsx.
// Arguments come from the shell wrapper (./s2s-conformance) through S2S_CLI_ARG_<n>, or from argv.
const path = require('node:path');
const fromClone = require('node:fs').existsSync(path.join(__dirname, 'main.ts'));
if (fromClone) require('tsx/cjs/api').register();
const argc = process.env.S2S_CLI_ARGC;
const argv = argc === undefined ? process.argv.slice(2) : Array.from({ length: Number(argc) }, (_, i) => process.env[`S2S_CLI_ARG_${i}`]);
for (let i = 0; argc !== undefined && i < Number(argc); i++) delete process.env[`S2S_CLI_ARG_${i}`];
delete process.env.S2S_CLI_ARGC;
require(fromClone ? './main.ts' : path.join(__dirname, '..', '..', 'dist', 'harness', 'cli', 'main.js')).main(argv).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`s2s-conformance: internal error: ${err && err.stack ? err.stack : err}`);
    process.exit(3);
  },
);
