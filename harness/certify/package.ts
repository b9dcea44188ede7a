// `certify DIR...`: one folder (and a zip of it beside it) that a SUT's vendor hands over: the
// summary (md, html, pdf when Chromium is there), each profile's results.json and junit.xml (the
// slices of a sharded run merged), every case's evidence as files, certificate.json and
// MANIFEST.sha256. `verify` checks it offline (harness/certify/verify.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pkg from '../../package.json';
import { CATALOGS, type ProfileName } from '../../profiles/registry';
import { evidenceAttachments } from '../results/evidence-attachments';
import { junitXml } from '../results/junit';
import { mergeShards } from '../results/merge';
import { secretsInEnv } from '../results/redact';
import type { ResultsDoc } from '../results/results-file';
import { summaryHtml, summaryMarkdown } from '../results/summary';
import { REPO_ROOT } from '../run/config';
import { readRunFolder } from '../cli/run-folders';
import { CERTIFICATE, profileEntry, worstVerdict, type Certificate } from './certificate';
import { MANIFEST, manifestText, readTree, sha256 } from './manifest';
import { writeZip } from './zip';

export class CertifyError extends Error {}

/** One profile's results as they go into the package: one run, or the merged slices of a sharded run. */
export interface ProfileRun {
  doc: ResultsDoc;
  /** results.json's text: the run's file unchanged when there is one folder, so its SHA-256 stays the one its summary quotes. */
  text: string;
  junit: string;
  sources: string[];
  /** Values the run's configuration marks as secret (--sut-env …PASSWORD=…): none may be in the package. */
  secrets: string[];
}

function runSecrets(dir: string): string[] {
  try {
    const config = JSON.parse(readFileSync(path.join(dir, '.run', 'config.json'), 'utf8')) as { sutEnv?: Record<string, string> };
    return secretsInEnv(config.sutEnv ?? {});
  } catch {
    return [];
  }
}

/** The run folders by profile: a folder alone, or the slices of one sharded run merged (merge's rules: all slices, once each). */
export function profileRuns(dirs: string[]): ProfileRun[] {
  const folders = dirs.map((dir) => ({ ...readRunFolder(dir), text: readFileSync(path.join(dir, 'results.json'), 'utf8') }));
  const profiles = [...new Set(folders.map((f) => f.doc.profile))];
  return profiles.map((profile) => {
    const group = folders.filter((f) => f.doc.profile === profile);
    const sources = group.map((f) => path.basename(path.resolve(f.dir)));
    const secrets = group.flatMap((f) => runSecrets(f.dir));
    if (group.length === 1 && !group[0].doc.shard) {
      const junit = path.join(group[0].dir, 'junit.xml');
      return { doc: group[0].doc, text: group[0].text, junit: existsSync(junit) ? readFileSync(junit, 'utf8') : junitXml(group[0].doc), sources, secrets };
    }
    if (group.some((f) => !f.doc.shard)) throw new CertifyError(`several runs of profile ${profile} (${sources.join(', ')}): give one run per profile, or all the slices of one sharded run`);
    let doc: ResultsDoc;
    try {
      doc = mergeShards(group.map((f) => f.doc), (CATALOGS[profile as ProfileName] ?? []).map((c) => c.id));
    } catch (err) {
      throw new CertifyError(`profile ${profile}: ${(err as Error).message}`);
    }
    return { doc, text: JSON.stringify(doc, null, 2), junit: junitXml(doc), sources, secrets };
  });
}

/** The suite's commit when it runs from its own checkout; installed from npm inside another
 *  repository, git would answer with that repository's commit, so the top level must be the suite's. */
export function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const [top, commit] = r.status === 0 ? r.stdout.trim().split('\n') : [];
  if (!top || !commit || !/^[0-9a-f]{40}$/.test(commit)) return 'unknown';
  return realpathSync(top) === realpathSync(REPO_ROOT) ? commit : 'unknown';
}

const safe = (s: string) => s.replace(/[^\w.-]/g, '_');

/** Where a profile's files go: at the top with one profile, in a folder per profile with several. */
const placeOf = (runs: ProfileRun[], run: ProfileRun) => (runs.length === 1 ? '' : `${safe(run.doc.profile)}/`);

/** The package's files but certificate.json, summary.pdf and the manifest. */
export function packageFiles(runs: ProfileRun[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const summaryRuns = runs.map((r) => ({ doc: r.doc, sha256: sha256(r.text) }));
  files.set('summary.md', Buffer.from(summaryMarkdown(summaryRuns)));
  files.set('summary.html', Buffer.from(summaryHtml(summaryRuns)));
  for (const run of runs) {
    const at = placeOf(runs, run);
    files.set(`${at}results.json`, Buffer.from(run.text));
    files.set(`${at}junit.xml`, Buffer.from(run.junit));
    // The attachments the run's HTML and Allure reports carry, made from results.json the same way,
    // so a run with --only-results has them too.
    for (const c of run.doc.cases) for (const a of evidenceAttachments(c)) files.set(`evidence/${safe(run.doc.profile)}/${safe(c.id)}/${a.name}`, Buffer.from(a.body));
  }
  return files;
}

export interface CertifyOptions {
  validDays: number;
  sutName?: string;
  sutVersion?: string;
  now: Date;
  commit: string;
  pdf: string | null;
  notes: string[];
}

export function certificateOf(runs: ProfileRun[], opts: CertifyOptions): Certificate {
  const declared = [...new Set(runs.map((r) => JSON.stringify([r.doc.sut.name ?? null, r.doc.sut.version ?? null])))];
  const overridden = opts.sutName !== undefined || opts.sutVersion !== undefined;
  if (declared.length > 1 && !overridden) throw new CertifyError(`the runs declare different SUTs (${declared.join(' vs ')}): certify one SUT, or give --sut-name and --sut-version`);
  const [name, version] = JSON.parse(declared[0]) as [string | null, string | null];
  const notes = [...opts.notes];
  if (!overridden && name === null) notes.push('the SUT declared no name (run --sut-name/--sut-version, or certify --sut-name/--sut-version)');
  const entries = runs.map((r) => profileEntry(r.doc, r.text, { results: `${placeOf(runs, r)}results.json`, junit: `${placeOf(runs, r)}junit.xml` }, r.sources));
  const other = [...new Set(entries.map((e) => e.suiteVersion))].filter((v) => v !== pkg.version);
  if (other.length) notes.push(`results made by suite version ${other.join(', ')}, certified by ${pkg.version}`);
  return {
    certificateVersion: 1,
    suite: { name: pkg.name, version: pkg.version, commit: opts.commit },
    sut: { name: opts.sutName ?? name, version: opts.sutVersion ?? version, declaredIn: overridden ? 'certify' : 'results.json' },
    issuedAt: opts.now.toISOString(),
    validFrom: opts.now.toISOString(),
    validUntil: new Date(opts.now.getTime() + opts.validDays * 86_400_000).toISOString(),
    verdict: worstVerdict(entries.map((e) => e.verdict)),
    profiles: entries,
    summary: { markdown: 'summary.md', html: 'summary.html', pdf: opts.pdf },
    notes,
  };
}

/** Adds certificate.json and MANIFEST.sha256 to the files. */
export function sealed(files: Map<string, Buffer>, cert: Certificate): Map<string, Buffer> {
  const all = new Map(files);
  all.set(CERTIFICATE, Buffer.from(`${JSON.stringify(cert, null, 2)}\n`));
  all.delete(MANIFEST);
  all.set(MANIFEST, Buffer.from(manifestText(all)));
  return all;
}

/** An --out that holds something else than a package is not emptied. */
export function prepareOut(out: string, inputs: string[]): void {
  if (inputs.some((d) => path.resolve(d) === out)) throw new CertifyError(`--out ${out} is one of the run folders`);
  if (existsSync(out) && readdirSync(out).length && !existsSync(path.join(out, CERTIFICATE))) throw new CertifyError(`--out ${out} is not empty and not a certification package: give another folder`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
}

export function writeFiles(out: string, files: Map<string, Buffer>): void {
  for (const [rel, data] of files) {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), data);
  }
}

/** The zip of the folder, its files under the folder's name, dated at the issue date. */
export function zipOf(out: string, when: Date): Buffer {
  const top = path.basename(out);
  return writeZip([...readTree(out)].map(([name, data]) => ({ name: `${top}/${name}`, data })), when);
}
