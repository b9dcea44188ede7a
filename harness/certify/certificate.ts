// certificate.json: what a certification package attests (the suite and commit that ran, the SUT as
// declared, a verdict per profile with its counts and the SHA-256 of its results.json, the issue
// date and the validity period), and the check that it agrees with the results it sits beside.
import { summarize, validateResults, type ResultsDoc } from '../results/results-file';
import { verdictOf, type Verdict } from '../results/summary';
import { sha256 } from './manifest';

export const CERTIFICATE = 'certificate.json';
const RANK: Verdict[] = ['conformant', 'conformant with warnings', 'incomplete', 'not conformant'];
export const worstVerdict = (vs: Verdict[]): Verdict => RANK[Math.max(...vs.map((v) => RANK.indexOf(v)))];

export interface Counts {
  total: number;
  pass: number;
  fail: number;
  inconclusive: number;
  skip: number;
  error: number;
}
const countsOf = (s: ResultsDoc['summary']): Counts => ({ total: s.total, pass: s.pass, fail: s.fail, inconclusive: s.inconclusive, skip: s.skip, error: s.error });

export interface ProfileEntry {
  profile: string;
  verdict: Verdict;
  /** Paths inside the package. */
  results: string;
  junit: string;
  resultsSha256: string;
  /** The suite version that ran this profile (results.json's suite.version). */
  suiteVersion: string;
  counts: Counts;
  startedAt: string;
  finishedAt: string;
  /** The run folders it came from (their names), several for the slices of a sharded run. */
  sources: string[];
}

export interface Certificate {
  certificateVersion: 1;
  suite: { name: string; version: string; commit: string };
  sut: { name: string | null; version: string | null; declaredIn: 'results.json' | 'certify' };
  issuedAt: string;
  validFrom: string;
  validUntil: string;
  verdict: Verdict;
  profiles: ProfileEntry[];
  summary: { markdown: string; html: string; pdf: string | null };
  notes: string[];
}

export function profileEntry(doc: ResultsDoc, text: string, files: { results: string; junit: string }, sources: string[]): ProfileEntry {
  return {
    profile: doc.profile,
    verdict: verdictOf(doc),
    ...files,
    resultsSha256: sha256(text),
    suiteVersion: doc.suite.version,
    counts: countsOf(doc.summary),
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
    sources,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The certificate against the package's files (results read from them) and the clock: one line per problem. */
export function checkCertificate(cert: Certificate, files: Map<string, Buffer>, now: Date): string[] {
  const problems: string[] = [];
  const bad = (what: string) => problems.push(`inconsistent: ${CERTIFICATE} (${what})`);
  if (cert.certificateVersion !== 1 || !Array.isArray(cert.profiles) || !cert.profiles.length) return [`inconsistent: ${CERTIFICATE} (not a version 1 certificate with profiles)`];
  for (const p of cert.profiles) {
    const data = files.get(p.results);
    if (!data) continue; // the manifest check names the missing file
    if (!files.has(p.junit)) bad(`${p.profile}: ${p.junit} is not in the package`);
    if (sha256(data) !== p.resultsSha256) bad(`${p.profile}: the SHA-256 of ${p.results} is not the one certified`);
    let doc: ResultsDoc;
    try {
      doc = JSON.parse(data.toString('utf8')) as ResultsDoc;
      validateResults(doc);
    } catch (err) {
      bad(`${p.profile}: ${p.results} is not a valid results.json: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    if (doc.profile !== p.profile) bad(`${p.results} is profile ${doc.profile}, the certificate says ${p.profile}`);
    if (verdictOf(doc) !== p.verdict) bad(`${p.profile}: verdict says ${p.verdict}, ${p.results} gives ${verdictOf(doc)}`);
    if (!same(countsOf(doc.summary), p.counts)) bad(`${p.profile}: counts ${JSON.stringify(p.counts)} differ from ${p.results}'s summary ${JSON.stringify(countsOf(doc.summary))}`);
    // The summary must be the cases' own count, or an edited summary could carry a verdict the cases do not.
    if (!same(countsOf(summarize(doc.cases)), countsOf(doc.summary))) bad(`${p.profile}: ${p.results}'s summary does not count its own cases`);
    if (doc.suite.version !== p.suiteVersion) bad(`${p.profile}: suite version ${p.suiteVersion}, ${p.results} says ${doc.suite.version}`);
    if (cert.sut.declaredIn === 'results.json' && ((doc.sut.name ?? null) !== cert.sut.name || (doc.sut.version ?? null) !== cert.sut.version))
      bad(`${p.profile}: SUT ${cert.sut.name} ${cert.sut.version}, ${p.results} declares ${doc.sut.name ?? null} ${doc.sut.version ?? null}`);
  }
  const overall = worstVerdict(cert.profiles.map((p) => p.verdict));
  if (cert.verdict !== overall) bad(`verdict says ${cert.verdict}, its profiles give ${overall}`);
  const from = Date.parse(cert.validFrom);
  const until = Date.parse(cert.validUntil);
  if (Number.isNaN(from) || Number.isNaN(until) || until < from) bad(`validity period ${cert.validFrom} – ${cert.validUntil} is not a period`);
  else if (now.getTime() > until) problems.push(`expired: valid until ${cert.validUntil}`);
  else if (now.getTime() < from) problems.push(`not yet valid: valid from ${cert.validFrom}`);
  return problems;
}
