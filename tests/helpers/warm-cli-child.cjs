// A warm s2s-conformance process: it runs `run` commands one after another, each as the CLI would
// (main(argv), the same code bin.cjs calls), for the flaw self-tests (tests/helpers/warm-cli.ts).
// A run's harness work costs half as much CPU in a process that has loaded and compiled the harness
// already (measured: 1.6 s for the first sharepoint-s2s flaw run, 0.7-0.9 s for the next ones).
'use strict';
require('tsx/cjs/api').register();
const { main } = require('../../harness/cli/main.ts');

let running = false;
// The test worker went away (it ends, or a test timed out): a run under way is interrupted as the
// CLI's is on SIGTERM (its SUT processes stopped, its results kept), then this process ends.
process.on('disconnect', () => (running ? process.kill(process.pid, 'SIGTERM') : process.exit(0)));

process.on('message', async ({ argv }) => {
  let code;
  running = true;
  try {
    code = await main(argv);
  } catch (err) {
    console.error(`s2s-conformance: internal error: ${err && err.stack ? err.stack : err}`);
    code = 3;
  }
  // The run's output lines are handed to the pipes before the answer is sent (the parent may still
  // read the answer first: they travel apart).
  await new Promise((resolve) => process.stdout.write('', resolve));
  await new Promise((resolve) => process.stderr.write('', resolve));
  running = false;
  if (!process.connected) process.exit(code);
  process.send({ code });
});
