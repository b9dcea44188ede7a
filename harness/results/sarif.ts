// results.sarif (SARIF 2.1.0) from results.json, for security reviewers' tools and code-scanning
// dashboards: one rule per case of the run (its title, why, spec link, level, requirement ids and
// CWE tags) and one result per finding, a case of tier FAIL (error) or WARN (warning, a failed SHOULD
// or a refusal answered 5xx / a dropped connection). A finding is in the SUT, not in the suite's
// sources, so its location names the SUT: the profile and the case (logical), and the endpoint as a
// path (physical, which code scanning requires). Made from the document results.json
// is written from, which is redacted already (redact.ts, in the worker); the message and the command
// line are scrubbed once more of credentials a SUT may echo or a user may type.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json';
import type { CaseResult, Level } from '../engine/case-model';
import { REPO_ROOT } from '../run/config';
import { authorizationShown, redactText, REDACTED } from './redact';
import { exitCodeOf, type ResultsDoc } from './results-file';
import { tierOfCase } from './gate';
import { specLinkOf } from './spec-links';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

/** The level a rule's finding has by default: LEVELS.md's MUST, SHOULD, and the rest (MAY, INFO). */
const LEVEL_OF: Record<Level, SarifLevel> = { MUST: 'error', SHOULD: 'warning', MAY: 'note', INFO: 'note' };

/** A bearer credential a SUT echoed into a reason shown as evidence shows an Authorization header. */
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** NAME=value on a command line, where the name says it is a secret (as secretsInEnv reads an environment). */
const SECRET_ASSIGNMENT = /\b([A-Z0-9_]*(?:PASSWORD|SECRET|PRIVATE_?KEY)[A-Z0-9_]*)=("[^"]*"|'[^']*'|\S+)/gi;

export const scrubText = (text: string): string => redactText(text, []).replace(BEARER, (m) => authorizationShown(m)!);
export const scrubCommandLine = (line: string): string => scrubText(line.replace(SECRET_ASSIGNMENT, (_m, name: string) => `${name}=${REDACTED}`));

/** What a reader of the alert needs to see without opening results.json: the verdict's reason and the evidence in brief. */
function messageOf(c: CaseResult): string {
  const o = c.observed;
  const evidence = [
    o.status !== undefined ? `status ${o.status}` : c.evidence.noAnswer ? `no answer (${c.evidence.noAnswer})` : undefined,
    o.controlStatus !== undefined ? `control status ${o.controlStatus}` : undefined,
    `mutations: ${c.evidence.mutations.length ? c.evidence.mutations.join(', ') : 'none'}`,
    o.robustness ? `robustness ${o.robustness.verdict}: ${o.robustness.detail}` : undefined,
    o.responseProblem ? `response: ${o.responseProblem}` : undefined,
  ].filter(Boolean);
  return scrubText(`${c.reason} (${evidence.join('; ')})`);
}

/** GitHub code scanning refuses a result whose location is logical only ("expected a physical
 *  location"), and an address with a scheme: the SUT's endpoint is named as a relative path under its
 *  profile (bot-framework/api/messages), no file of the suite's sources (the finding is in the SUT). */
export const sutArtifactUri = (doc: Pick<ResultsDoc, 'profile' | 'sut'>): string =>
  [doc.profile, ...doc.sut.endpoint.split(/[/?#]/).filter(Boolean)].map(encodeURIComponent).join('/');

const cweTag = (cwe: string): string => `external/cwe/${cwe.toLowerCase()}`;

function ruleOf(c: CaseResult) {
  const req = c.requirement;
  const link = specLinkOf(req);
  return {
    id: c.id,
    name: c.title,
    shortDescription: { text: c.title },
    ...(c.why ? { fullDescription: { text: c.why } } : {}),
    ...(link ? { helpUri: link.url } : {}),
    help: { text: `${c.why ? `${c.why}\n\n` : ''}Requirement ${req.ids.join(', ')} (${req.spec}, ${req.section}), ${req.level}; expected: ${c.expect}.` },
    defaultConfiguration: { level: LEVEL_OF[req.level] },
    properties: { level: req.level, requirementIds: req.ids, spec: req.spec, section: req.section, expect: c.expect, tags: ['security', ...(c.cwe ?? []).map(cweTag)] },
  };
}

export interface SarifInvocation {
  /** The command that made the run (or the merge), as typed: scrubbed here. */
  commandLine?: string;
}

/** The SARIF log of one results document. */
export function sarifOf(doc: ResultsDoc, invocation: SarifInvocation = {}) {
  const rules = doc.cases.map(ruleOf);
  const index = new Map(doc.cases.map((c, i) => [c.id, i]));
  const expected = new Map((doc.gate?.expectedFailures ?? []).map((e) => [e.id, e.reason]));
  const results = doc.cases
    .map((c) => ({ c, tier: tierOfCase(c) }))
    .filter(({ tier }) => tier === 'FAIL' || tier === 'WARN')
    .map(({ c, tier }) => ({
      ruleId: c.id,
      ruleIndex: index.get(c.id)!,
      level: tier === 'FAIL' ? 'error' : 'warning',
      message: { text: messageOf(c) },
      locations: [{ physicalLocation: { artifactLocation: { uri: sutArtifactUri(doc) } }, logicalLocations: [{ name: doc.profile, fullyQualifiedName: `${doc.profile}/${c.id}`, kind: 'module' }] }],
      // Stable across runs without source lines to hash: the same case on the same profile is the same alert.
      partialFingerprints: { 's2sConformanceCase/v1': `${doc.profile}/${c.id}` },
      // A known departure (--expect-failures) is reported, suppressed with its reason, as it does not gate.
      ...(expected.has(c.id) ? { suppressions: [{ kind: 'external', justification: expected.get(c.id)! }] } : {}),
      properties: { tier, outcome: c.outcome, endpoint: doc.sut.endpoint, ...(c.cwe?.length ? { cwe: c.cwe } : {}) },
    }));
  const exitCode = exitCodeOf(doc);
  const notes = [
    ...(doc.harness.error ? [{ level: 'error', message: { text: scrubText(doc.harness.error) } }] : []),
    ...doc.cases.filter((c) => c.outcome === 'error').map((c) => ({ level: 'error', message: { text: scrubText(`${c.id}: ${c.reason}`) }, associatedRule: { id: c.id, index: index.get(c.id)! } })),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: pkg.name, version: doc.suite.version, informationUri: pathToFileURL(path.join(REPO_ROOT, 'README.md')).href, rules } },
        automationDetails: { id: `${pkg.name}/${doc.profile}/` },
        invocations: [
          {
            ...(invocation.commandLine ? { commandLine: scrubCommandLine(invocation.commandLine) } : {}),
            exitCode,
            executionSuccessful: exitCode !== 3,
            startTimeUtc: doc.startedAt,
            endTimeUtc: doc.finishedAt,
            ...(notes.length ? { toolExecutionNotifications: notes } : {}),
          },
        ],
        results,
        properties: { profile: doc.profile, sut: { ...doc.sut, ...(doc.sut.command ? { command: scrubCommandLine(doc.sut.command) } : {}) }, summary: doc.summary },
      },
    ],
  };
}
