// A named check's finding (ok, a problem, or moot) as a case's verdict, for the cases judged by a
// check on what the SUT sent (s2s-client, bot-outbound): moot is `inconclusive`; an informational case
// (expect either) passes whatever was found, keeping a problem as the noted responseProblem; else ok
// passes and a problem fails.
import type { CheckFinding, Expect, Verdict } from '../core/vocabulary';

export function verdictOfFinding(expect: Expect, f: CheckFinding): Verdict & { responseProblem?: string } {
  if (f.ok === 'moot') return { outcome: 'inconclusive', reason: f.why };
  if (expect === 'either') return f.ok ? { outcome: 'pass', reason: `informational: ${f.saw}` } : { outcome: 'pass', reason: `informational: ${f.problem}`, responseProblem: f.problem };
  return f.ok ? { outcome: 'pass', reason: f.saw } : { outcome: 'fail', reason: f.problem };
}
