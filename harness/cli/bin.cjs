#!/usr/bin/env node
// Entry point of the s2s-conformance command: load TypeScript through tsx, then run the CLI.
// Arguments come from the shell wrapper (./s2s-conformance) through S2S_CLI_ARG_<n>, or from argv.
require('tsx/cjs/api').register();
const argc = process.env.S2S_CLI_ARGC;
const argv = argc === undefined ? process.argv.slice(2) : Array.from({ length: Number(argc) }, (_, i) => process.env[`S2S_CLI_ARG_${i}`]);
for (let i = 0; argc !== undefined && i < Number(argc); i++) delete process.env[`S2S_CLI_ARG_${i}`];
delete process.env.S2S_CLI_ARGC;
require('./main.ts').main(argv).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`s2s-conformance: internal error: ${err && err.stack ? err.stack : err}`);
    process.exit(3);
  },
);
