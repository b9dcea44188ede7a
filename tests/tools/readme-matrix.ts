// Regenerates the matrix picture of docs/reports.md: the bundled reference bot and the two stock SDK bots run
// the whole bot-framework profile, `s2s-conformance matrix --differing` puts the cases where they
// differ side by side, and Chromium takes the picture (docs/matrix-bot-framework-peers.png).
//   npx tsx tests/tools/readme-matrix.ts
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../harness/cli/chromium';
import { REPO, runCli } from '../helpers/run-cli';

const PEERS: Record<string, string[]> = {
  reference: [],
  botbuilder: ['--sut', 'node fixtures/suts/botbuilder-echo/bot.cjs', '--sut-name', 'botbuilder', '--sut-version', '4.23.3', '--workers', '1'],
  'agents-hosting': ['--sut', 'node fixtures/suts/agents-hosting-echo/bot.cjs', '--sut-name', '@microsoft/agents-hosting', '--sut-version', '1.8.1', '--workers', '1'],
};

async function main(): Promise<void> {
  const base = path.join(REPO, 'reports', 'peers');
  const dirs = Object.keys(PEERS).map((name) => path.join(base, name));
  // One at a time: the SDK runs are pinned with one worker (botbuilder's issuer list grows with what it sees).
  for (const [i, name] of Object.keys(PEERS).entries()) {
    const r = await runCli(['run', ...PEERS[name]], { out: dirs[i] });
    if (!r.results) throw new Error(`${name}: no results (exit ${r.code}): ${r.stderr.slice(-300)}`);
  }
  const page = path.join(base, 'matrix.html');
  const m = await runCli(['matrix', ...dirs, '--out', page, '--differing']);
  if (m.code !== 0) throw new Error(m.stderr);
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.screenshot({ path: path.join(REPO, 'docs', 'matrix-bot-framework-peers.png'), fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`docs/matrix-bot-framework-peers.png from ${page}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
