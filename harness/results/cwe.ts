// The CWE weakness a case probes, for reviewers' reports (Allure tags, results.json). A catalog entry
// may name its CWEs; otherwise the case id's group says (BF-C2B-SIG-003 -> SIG). A case whose point is
// letter case (a value differing only in case) also gets CWE-178.
import type { CaseDef } from '../engine/case-model';

/** Id group -> CWE: the weakness an implementation has when it fails the group's cases. */
const BY_GROUP: Record<string, string[]> = {
  SIG: ['CWE-347'], // Improper Verification of Cryptographic Signature
  ALG: ['CWE-347', 'CWE-327'], // ... and a broken or risky algorithm (none, HS256 with the public key)
  KID: ['CWE-347'],
  JWS: ['CWE-347'],
  KEY: ['CWE-347'],
  MD: ['CWE-347'],
  MDC: ['CWE-347'],
  ROT: ['CWE-347'],
  ISS: ['CWE-345'], // Insufficient Verification of Data Authenticity
  AUD: ['CWE-345'],
  APP: ['CWE-345'],
  TID: ['CWE-345'],
  SUB: ['CWE-345'],
  SND: ['CWE-345'],
  SKL: ['CWE-345'],
  CLM: ['CWE-345'],
  VER: ['CWE-345'],
  RLM: ['CWE-345'],
  OUT: ['CWE-290'], // Authentication Bypass by Spoofing (an unsigned outer token speaking for a user)
  SURL: ['CWE-290'],
  TIME: ['CWE-613'], // Insufficient Session Expiration
  LPT: ['CWE-294'], // Authentication Bypass by Capture-replay
  RPL: ['CWE-696'], // Incorrect Behavior Order (processed before authenticated)
  URL: ['CWE-319'], // Cleartext Transmission of Sensitive Information
  FMT: ['CWE-20'], // Improper Input Validation
  HDR: ['CWE-287'], // Improper Authentication
  AAH: ['CWE-287'],
  END: ['CWE-287'],
};

const LETTER_CASE = /\b(letter case|upper[- ]case|lower[- ]case)\b/i;

export function cweOf(def: Pick<CaseDef, 'id' | 'title' | 'cwe'>): string[] {
  const group = def.id.split('-').at(-2) ?? '';
  const cwe = new Set(def.cwe ?? BY_GROUP[group] ?? []);
  if (LETTER_CASE.test(def.title) && cwe.size) cwe.add('CWE-178'); // Improper Handling of Case Sensitivity
  return [...cwe].sort();
}
