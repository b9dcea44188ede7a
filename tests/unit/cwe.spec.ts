// cweOf: the CWE weaknesses a case probes, from the catalog entry or from its id group, plus CWE-178
// for a case about letter case; and a check of what the real catalogs end up with.
import { expect, test } from '@playwright/test';
import { cweOf } from '../../harness/results/cwe';
import { CATALOGS } from '../../profiles/registry';

const def = (id: string, title = 'a title', cwe?: string[]) => ({ id, title, ...(cwe ? { cwe } : {}) });

test('a CWE list given by the catalog entry wins over the id group', () => {
  expect(cweOf(def('BF-C2B-SIG-001', 'jku pointing elsewhere', ['CWE-918']))).toEqual(['CWE-918']);
  expect(cweOf(def('AM-HDR-002', 'token in the query string', ['CWE-598']))).toEqual(['CWE-598']);
  // An empty list given is the catalog's word too: no CWE.
  expect(cweOf(def('BF-C2B-SIG-002', 'x', []))).toEqual([]);
});

test('the id group names the CWE when the catalog does not', () => {
  expect(cweOf(def('BF-C2B-SIG-003'))).toEqual(['CWE-347']);
  expect(cweOf(def('AM-TIME-001'))).toEqual(['CWE-613']);
  expect(cweOf(def('XOAUTH-OUT-002'))).toEqual(['CWE-290']);
  expect(cweOf(def('BF-C2B-ALG-001'))).toEqual(['CWE-327', 'CWE-347']);
  expect(cweOf(def('SPS2S-ISS-004'))).toEqual(['CWE-345']);
  expect(cweOf(def('AM-AUD-003'))).toEqual(['CWE-345']);
  expect(cweOf(def('BF-C2B-KID-002'))).toEqual(['CWE-347']);
  expect(cweOf(def('BF-C2B-SURL-001'))).toEqual(['CWE-290']);
  expect(cweOf(def('BF-C2B-URL-001'))).toEqual(['CWE-319']);
  expect(cweOf(def('SPS2S-LPT-001'))).toEqual(['CWE-294']);
  expect(cweOf(def('BF-C2B-RPL-001'))).toEqual(['CWE-696']);
  expect(cweOf(def('BF-C2B-FMT-004'))).toEqual(['CWE-20']);
  expect(cweOf(def('BF-C2B-HDR-001'))).toEqual(['CWE-287']);
  // The group is the part before the number, however many parts precede it.
  expect(cweOf(def('BF-EMU-SKL-TIME-001'))).toEqual(['CWE-613']);
});

test('a group not in the table, or no group at all, gives no CWE', () => {
  expect(cweOf(def('BF-C2B-POS-001'))).toEqual([]);
  expect(cweOf(def('AM-CAS-001'))).toEqual([]);
  expect(cweOf(def('X-NOPE-001'))).toEqual([]);
  expect(cweOf(def('LONELY'))).toEqual([]);
  // Groups are matched exactly: lower case is another group.
  expect(cweOf(def('x-sig-001'))).toEqual([]);
});

test('a title about letter case adds CWE-178, but only to a case that has some other CWE', () => {
  expect(cweOf(def('BF-C2B-ISS-002', 'iss in upper case (HTTPS://API.BOTFRAMEWORK.COM)'))).toEqual(['CWE-178', 'CWE-345']);
  expect(cweOf(def('BF-C2B-SURL-003', 'serviceurl differs from serviceUrl only in letter case'))).toEqual(['CWE-178', 'CWE-290']);
  expect(cweOf(def('SPS2S-ALG-007', 'alg written "rs256" in lower case'))).toEqual(['CWE-178', 'CWE-327', 'CWE-347']);
  expect(cweOf(def('SPS2S-AUD-001', 'aud client_id part in Upper-Case'))).toEqual(['CWE-178', 'CWE-345']);
  expect(cweOf(def('SPS2S-AUD-002', 'realm written lower-case'))).toEqual(['CWE-178', 'CWE-345']);
  expect(cweOf(def('AM-X-001', 'differs only in LETTER CASE', ['CWE-20']))).toEqual(['CWE-178', 'CWE-20']);
  // No other CWE: a letter-case title alone does not make one.
  expect(cweOf(def('BF-C2B-POS-005', 'scheme written "bearer" in lower case'))).toEqual([]);
  expect(cweOf(def('AM-CAS-002', 'iss in upper case'))).toEqual([]);
  // Not about letter case: no CWE-178.
  expect(cweOf(def('BF-C2B-ISS-001', 'iss of another issuer'))).toEqual(['CWE-345']);
  expect(cweOf(def('BF-C2B-SIG-009', 'a showcase of signatures'))).toEqual(['CWE-347']);
});

test('the result is sorted and has no duplicates; the catalog list is not changed', () => {
  const given = ['CWE-347', 'CWE-345', 'CWE-347', 'CWE-178'];
  expect(cweOf(def('BF-C2B-SIG-001', 'iss in upper case', given))).toEqual(['CWE-178', 'CWE-345', 'CWE-347']);
  expect(given).toEqual(['CWE-347', 'CWE-345', 'CWE-347', 'CWE-178']);
  expect(cweOf(def('BF-C2B-ISS-002', 'iss in upper case', ['CWE-178']))).toEqual(['CWE-178']);
  const r = cweOf(def('SPS2S-OUT-001', "outer iss = the actor's nameid in upper case", ['CWE-345', 'CWE-178']));
  expect(r).toEqual(['CWE-178', 'CWE-345']);
  expect(r).toEqual([...new Set(r)].sort());
});

test('the real catalogs: every CWE is well formed, and every negative SIG, ALG, AUD, ISS and TIME case has one', () => {
  const malformed: string[] = [];
  const without: string[] = [];
  let checked = 0;
  for (const cases of Object.values(CATALOGS)) {
    for (const c of cases) {
      const cwe = cweOf(c);
      for (const id of cwe) if (!/^CWE-\d+$/.test(id)) malformed.push(`${c.id}: ${id}`);
      expect(cwe).toEqual([...new Set(cwe)].sort());
      const group = c.id.split('-').at(-2);
      if (c.expect === 'reject' && ['SIG', 'ALG', 'AUD', 'ISS', 'TIME'].includes(group ?? '')) {
        checked++;
        if (!cwe.length) without.push(c.id);
      }
    }
  }
  expect(malformed).toEqual([]);
  expect(without).toEqual([]);
  // The check is not vacuous: the catalogs hold well over a hundred such cases.
  expect(checked).toBeGreaterThan(100);
});
