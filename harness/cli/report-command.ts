// `report DIR...`: what a reviewer hands over. The Allure report of the runs (the `allure` package,
// one self-contained allure-report/index.html), a summary across their profiles (summary.md, .html)
// and summary.pdf, printed from the HTML by Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summaryHtml, summaryMarkdown } from '../results/summary';
import { launchChromium } from './chromium';
import { readRunFolder, type RunFolder } from './run-folders';
import { say } from './say';

const ALLURE_CLI = path.join(path.dirname(require.resolve('allure')), '..', 'cli.js');

function generateAllure(runs: RunFolder[], out: string): void {
  const results = runs.map((r) => path.join(r.dir, 'allure-results')).filter((d) => existsSync(d));
  if (!results.length) throw new Error('no allure-results folder in the run folders (runs of s2s-conformance 0.1 write one)');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 's2s-allure-'));
  try {
    const config = path.join(tmp, 'allurerc.json');
    const name = `s2s-conformance: ${[...new Set(runs.map((r) => r.doc.sut.name ?? r.doc.sut.command ?? r.doc.sut.target))].join('; ')} (${runs.map((r) => r.doc.profile).join(', ')})`;
    // One file, so the report opens from disk or an attachment without a web server.
    writeFileSync(config, JSON.stringify({ name, plugins: { awesome: { options: { singleFile: true, reportName: name, reportLanguage: 'en', groupBy: ['epic', 'feature', 'story'] } } } }));
    rmSync(path.join(out, 'allure-report'), { recursive: true, force: true });
    const r = spawnSync(process.execPath, [ALLURE_CLI, 'generate', '--config', config, '--output', path.join(out, 'allure-report'), ...results], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`allure generate failed: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
    withoutAnalytics(path.join(out, 'allure-report', 'index.html'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Allure 3's page loads Google Analytics (always, in the awesome plugin): a report handed to a
 *  reviewer must not phone home, and must open the same with no network at all. */
function withoutAnalytics(file: string): void {
  const page = readFileSync(file, 'utf8');
  const stripped = page.replace(/<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>[^<]*gtag\([^<]*<\/script>/, '');
  if (/googletagmanager/.test(stripped)) throw new Error('the Allure report still loads Google Analytics (a new allure version?)');
  writeFileSync(file, stripped);
}

async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}

export async function reportCommand(dirs: string[], outArg: string | undefined, noPdf: boolean): Promise<number> {
  const out = path.resolve(outArg ?? (dirs.length === 1 ? dirs[0] : 'reports/report'));
  let runs: RunFolder[];
  try {
    runs = dirs.map(readRunFolder);
    const sliced = runs.find((r) => r.doc.shard);
    if (sliced) throw new Error(`${sliced.dir} is one slice of a sharded run: join the slices with merge first`);
    const profiles = runs.map((r) => r.doc.profile);
    const twice = profiles.find((p, i) => profiles.indexOf(p) !== i);
    if (twice) throw new Error(`two runs of profile ${twice}: one run per profile (join the slices of a sharded run with merge first)`);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'summary.md'), summaryMarkdown(runs));
    writeFileSync(path.join(out, 'summary.html'), summaryHtml(runs));
    generateAllure(runs, out);
  } catch (err) {
    say(`error: report: ${(err as Error).message}`);
    return 2;
  }
  if (!noPdf) {
    try {
      await printPdf(path.join(out, 'summary.html'), path.join(out, 'summary.pdf'));
    } catch (err) {
      say(`error: report: summary.pdf: ${(err as Error).message.split('\n')[0]}; the other files are written (--no-pdf skips the PDF)`);
      return 3;
    }
  }
  say(`report: ${path.join(out, 'allure-report', 'index.html')}, ${path.join(out, 'summary.html')}${noPdf ? '' : `, ${path.join(out, 'summary.pdf')}`}`);
  return 0;
}
