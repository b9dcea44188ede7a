#!/usr/bin/env node
// Entry point of the s2s-conformance command: load TypeScript through tsx, then run the CLI.
require('tsx/cjs/api').register();
require('./main.ts').main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`s2s-conformance: internal error: ${err && err.stack ? err.stack : err}`);
    process.exit(3);
  },
);
