// A validator that behaves like Microsoft's own and stays within what the specs allow gets no FAIL and
// no WARN (LEVELS.md). Each conformant variant of a reference SUT (fixtures/suts/*/variants/) makes one
// such choice; it must pass the profile with --strict, and the INFO cases that observe its choice must
// see it (so the variant is not the reference under another name).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tierOfCase } from '../harness/results/gate';
import { removeFoldersOfPassingTests, REPO } from './helpers/run-cli';
import { runWarm } from './helpers/warm-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

interface Variant {
  profile: string;
  dir: string;
  /** The INFO cases in which the variant refuses a token the reference SUT accepts (its choice, seen). */
  refuses: Record<string, string[]>;
  /** Cases it accepts although the reference refuses them. */
  accepts?: Record<string, string[]>;
  grep?: string;
}

const VARIANTS: Variant[] = [
  {
    profile: 'bot-framework',
    dir: 'fixtures/suts/bot-framework/variants',
    grep: '^(?!BF-C2B-KLC-)',
    refuses: {
      // RS256 only, as the Connector signs and Microsoft's validators accept.
      'rs256-only': ['BF-C2B-POS-003', 'BF-C2B-POS-004', 'BF-EMU-ALG-011', 'BF-EMU-ALG-012'],
      // No clock skew at all: a token expired or not valid by seconds is refused.
      'no-clock-skew': ['BF-C2B-TIME-003', 'BF-C2B-TIME-006', 'BF-EMU-TIME-002', 'BF-EMU-TIME-006'],
      'non-canonical-base64-accepted': [],
      'falsy-ver-read-as-v1': [],
      // All of Microsoft's validators' choices at once: RS256 only, a falsy ver read as 1.0, exact aud.
      'microsoft-like': ['BF-C2B-POS-003', 'BF-C2B-POS-004', 'BF-EMU-ALG-011', 'BF-EMU-ALG-012'],
    },
    accepts: {
      // A lenient base64url decoder (RFC 4648 §3.5 "MAY reject").
      'non-canonical-base64-accepted': ['BF-C2B-SIG-009', 'BF-EMU-SIG-009'],
      // botbuilder reads a falsy ver as 1.0 and still checks appid.
      'falsy-ver-read-as-v1': ['BF-EMU-CLM-005', 'BF-EMU-CLM-007', 'BF-EMU-CLM-008'],
      'microsoft-like': ['BF-EMU-CLM-005', 'BF-EMU-CLM-007', 'BF-EMU-CLM-008'],
    },
  },
  {
    profile: 'sharepoint-s2s',
    dir: 'fixtures/suts/s2s/variants',
    refuses: { 'any-rsa-alg': [], 'unknown-x5t-tries-all-certs': [] },
    accepts: {
      // RS384/RS512 signed by a trusted certificate (RS256 is a rule on the producer).
      'any-rsa-alg': ['SPS2S-ALG-005', 'SPS2S-ALG-006', 'SPS2S-ACT-028', 'SPS2S-ACT-029'],
      // No or an unknown x5t: every trusted certificate is tried (x5t is optional, MS-XOAUTH 2.2).
      'unknown-x5t-tries-all-certs': ['SPS2S-SIG-002', 'SPS2S-SIG-008', 'SPS2S-ACT-038', 'SPS2S-ACT-039'],
    },
  },
  {
    profile: 'actionable-messages',
    dir: 'fixtures/suts/actionable-messages/variants',
    grep: '^(?!AM-KLC-)',
    refuses: {
      // aud compared as an exact string, as Microsoft's validators do: the base URL with its host in
      // upper case, the default port spelled out or a trailing slash is another audience.
      'aud-host-case-sensitive': ['AM-AUD-007', 'AM-AUD-008', 'AM-AUD-009'],
      // Only Authorization is read: a token in Action-Authorization alone is no token.
      'action-authorization-ignored': ['AM-POS-003'],
      'sender-allow-list-ignored': [],
    },
    accepts: {
      // No allow-list of senders (the check is optional): a sender outside AM_ALLOWED_SENDERS passes.
      'sender-allow-list-ignored': ['AM-SND-001'],
    },
  },
];

for (const v of VARIANTS) {
  test(`${v.profile}: every conformant variant on disk is listed here`, () => {
    const onDisk = readdirSync(path.join(REPO, v.dir)).map((f) => f.replace(/\.mjs$/, '')).sort();
    expect(onDisk).toEqual(Object.keys(v.refuses).sort());
  });
  for (const name of Object.keys(v.refuses)) {
    test(`${v.profile}: conformant variant ${name} gets no FAIL and no WARN, even with --strict`, async () => {
      const r = await runWarm(['run', '--profile', v.profile, '--sut', `node ${v.dir}/${name}.mjs`, '--workers', '1', '--only-results', '--strict', ...(v.grep ? ['--grep', v.grep] : [])]);
      const doc = r.results!;
      const flagged = doc.cases.filter((c) => ['FAIL', 'WARN', 'ERROR', 'INCONCLUSIVE'].includes(tierOfCase(c))).map((c) => `${c.id} ${tierOfCase(c)}: ${c.reason}`);
      expect(flagged).toEqual([]);
      expect(r.code).toBe(0);
      const refused = doc.cases.filter((c) => c.expect === 'either' && c.observed.accepted === false).map((c) => c.id);
      for (const id of v.refuses[name]) expect(refused, `${name} refuses ${id}`).toContain(id);
      for (const id of v.accepts?.[name] ?? []) expect(doc.cases.find((c) => c.id === id)?.observed.accepted, `${name} accepts ${id}`).toBe(true);
    });
  }
}
