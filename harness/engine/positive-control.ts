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
