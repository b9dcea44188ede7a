// The positive-control rule, once for every runner: a case proves something only if the SUT did
// the valid thing its path needs (took the path's valid token, completed the plain scenario, replied
// to a plain activity with an issued token). A control that could not run makes the case `error`; one
// that ran and failed makes it `inconclusive`; a case that is itself a positive control needs none.
// Each runner says what its control is and observes it; the wording is one, and a runner whose
// published reasons have always read otherwise passes its own.
import type { Verdict } from '../core/vocabulary';

/** What became of one positive control a case depends on: passed when neither is set. */
export interface ControlResult {
  /** The control's case id, when the reasons name it. */
  name?: string;
  /** Why it could not run (the SUT unreachable or gone, its run hung): the case is `error`. */
  error?: string;
  /** What it got instead of the valid behaviour: the case is `inconclusive`. */
  problem?: string;
}

export interface ControlWording {
  erred(error: string, name?: string): string;
  failed(problem: string, name?: string): string;
}

/** The reasons: "positive control <id>: <error>", "the positive control <id> failed (<problem>), so this case proves nothing". */
export const CONTROL_WORDING: ControlWording = {
  erred: (error, name) => `positive control${name ? ` ${name}` : ''}: ${error}`,
  failed: (problem, name) => `the positive control${name ? ` ${name}` : ''} failed (${problem}), so this case proves nothing`,
};

export const controlPassed = (c: ControlResult): boolean => !c.error && !c.problem;

/** The rule: undefined when the case is to be judged on its own observation, else its verdict. Every
 *  control that could not run is looked at before any that failed (an `error` outranks `inconclusive`). */
export function positiveControlVerdict(isControl: boolean | undefined, controls: ControlResult[], wording: ControlWording = CONTROL_WORDING): Verdict | undefined {
  if (isControl) return undefined;
  for (const c of controls) if (c.error) return { outcome: 'error', reason: wording.erred(c.error, c.name) };
  for (const c of controls) if (c.problem) return { outcome: 'inconclusive', reason: wording.failed(c.problem, c.name) };
  return undefined;
}

/** A key-lifecycle case whose positive control was refused although an earlier case's passed, and
 *  still refused after the case was isolated from the earlier ones (the key server put right, the
 *  SUT's clock moved past its caches): the SUT broke in an earlier case and stayed broken. */
export interface BrokenSince {
  /** The last case whose positive control passed: the SUT broke during it. */
  since: string;
  /** The key-server fault that case played, if any. */
  fault?: string;
  /** Set when this case checks recovery from an outage (it signs with a key the key server could not
   *  serve in that earlier case): the case whose outage it is. */
  recoveryFrom?: string;
  /** How the case was isolated, in words ("the key server put right and the SUT's clock a day on"). */
  isolation: string;
  /** What the control got. */
  problem: string;
}

/** A recovery case fails (the SUT broke at an outage and never came back: what the case is about);
 *  any other case is inconclusive, naming the case since which the SUT refuses every token. */
export function brokenSinceVerdict(b: BrokenSince): Verdict {
  if (b.recoveryFrom && b.fault)
    return {
      outcome: 'fail',
      reason: `the SUT has refused every valid token since ${b.since} (its positive control passed there, before the key server's fault: ${b.fault}); with ${b.isolation}, the positive control still ${b.problem}: it never recovered from the outage (this case signs with the key the key server could not serve in ${b.recoveryFrom})`,
    };
  return {
    outcome: 'inconclusive',
    reason: `the SUT refuses every token since ${b.since}: the positive control passed up to that case${b.fault ? ` (whose key server played ${b.fault})` : ''} and has been refused since, still with ${b.isolation} (it ${b.problem}), so this case proves nothing`,
  };
}
