// `certify DIR...` and `verify PKG`: the certification package (harness/certify/) from the command line.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { leaksIn } from '../certify/leaks';
import { certificateOf, gitCommit, packageFiles, prepareOut, profileRuns, sealed, writeFiles, zipOf } from '../certify/package';
import { NotAPackage, verifyPackage } from '../certify/verify';
import { say } from './say';

export interface CertifyArgs {
  dirs: string[];
  out?: string;
  validDays: number;
  sutName?: string;
  sutVersion?: string;
  noPdf?: boolean;
}

/** summary.pdf from summary.html, or why there is none (Chromium is optional for a package). */
async function printPdf(html: string, pdf: string): Promise<string | null> {
  // Loaded only here: Playwright's browser library takes a second to load.
  const { CHROMIUM_PATH, launchChromium } = require('./chromium') as typeof import('./chromium');
  if (!existsSync(CHROMIUM_PATH)) return `no summary.pdf: Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set S2S_CHROMIUM)`;
  try {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
    } finally {
      await browser.close();
    }
    return null;
  } catch (err) {
    return `no summary.pdf: Chromium failed: ${(err as Error).message.split('\n')[0]}`;
  }
}

export async function certifyCommand(args: CertifyArgs, now = new Date()): Promise<number> {
  const out = path.resolve(args.out ?? 'reports/certified');
  let files: Map<string, Buffer>;
  let runs;
  try {
    runs = profileRuns(args.dirs);
    files = packageFiles(runs);
    // Checked before the certificate exists, so a refused package writes nothing.
    certificateOf(runs, { ...args, now, commit: 'unknown', pdf: null, notes: [] });
    const leaks = leaksIn(files, runs.flatMap((r) => r.secrets), (f) => f.startsWith('evidence/'));
    if (leaks.length) {
      for (const l of leaks) say(`error: certify: secret in the package: ${l}`);
      say('error: certify: nothing written (the run folders carry unredacted secrets: re-run them with this version)');
      return 1;
    }
    prepareOut(out, args.dirs);
  } catch (err) {
    say(`error: certify: ${(err as Error).message}`);
    return 2;
  }
  writeFiles(out, files);
  const notes: string[] = [];
  let pdf: string | null = null;
  if (args.noPdf) notes.push('no summary.pdf: certify --no-pdf');
  else {
    const why = await printPdf(path.join(out, 'summary.html'), path.join(out, 'summary.pdf'));
    if (why) {
      notes.push(why);
      say(`warning: ${why}`);
    } else {
      pdf = 'summary.pdf';
      files.set(pdf, readFileSync(path.join(out, pdf)));
    }
  }
  const cert = certificateOf(runs, { ...args, now, commit: gitCommit(), pdf, notes });
  writeFiles(out, sealed(files, cert));
  const zip = `${out}.zip`;
  writeFileSync(zip, zipOf(out, now));
  say(`certified ${cert.sut.name ?? '(unnamed SUT)'}${cert.sut.version ? ` ${cert.sut.version}` : ''}: ${cert.verdict} (${cert.profiles.map((p) => `${p.profile}: ${p.verdict}`).join('; ')}), valid until ${cert.validUntil}; package: ${out}, ${zip}`);
  return 0;
}

export function verifyCommand(target: string, now = new Date()): number {
  let result;
  try {
    result = verifyPackage(target, now);
  } catch (err) {
    if (err instanceof NotAPackage) {
      say(`error: verify: ${err.message}`);
      return 2;
    }
    throw err;
  }
  for (const p of result.problems) console.log(p);
  if (result.problems.length) {
    say(`verify: ${target}: ${result.problems.length} problem(s)`);
    return 1;
  }
  const c = result.cert!;
  console.log(`intact: ${result.files} files; ${c.sut.name ?? '(unnamed SUT)'}${c.sut.version ? ` ${c.sut.version}` : ''}: ${c.verdict}; valid until ${c.validUntil}`);
  return 0;
}
