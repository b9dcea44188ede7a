// The cold-start twins of a profile's fail-closed key-lifecycle cases (issue 18): the same fault,
// the same rule, level and requirement ids, but met by a fresh SUT process at its first key fetch in
// a world of its own (harness/engine/run-cold-start.ts) instead of by the run's SUT after its clock
// was moved. Derived, not written by hand, so a new fault case gets its twin with it.
import type { LifecycleCase } from './case-model';

/** Why a cold-start twin is run, after its lifecycle case's own why. */
export const COLD_START_WHY =
  'Here a fresh SUT process is started against a key server that is faulty from the start, so its first key fetch meets the fault: no clock is moved, so a SUT in any language is judged (the *-KLC-* twin meets the fault on the run\'s SUT after moving its clock, a Node SUT\'s only).';

/** The lifecycle cases a cold start can judge: one request, refused, that proves something only if
 *  the SUT fetched the faulty document (mustFetchDuringFault). */
export const isFailClosedCase = (c: LifecycleCase): boolean =>
  c.expect === 'reject' && Boolean(c.lifecycle.mustFetchDuringFault && c.lifecycle.before.fault) && !c.lifecycle.requests && !c.lifecycle.randomKid && !c.coldStart;

/** Each fail-closed lifecycle case's twin, under the id `twinId` gives it (a new id: never renumber). */
export function coldStartTwins<Path extends string>(cases: LifecycleCase<Path>[], twinId: (id: string) => string): LifecycleCase<Path>[] {
  return cases.filter(isFailClosedCase).map((c) => ({
    ...c,
    id: twinId(c.id),
    title: `${c.title}, from a fresh SUT process's first key fetch`,
    why: `${c.why} ${COLD_START_WHY}`,
    coldStart: true,
    // The world starts in the fault with the case's key published (a key the key server would serve); nothing to undo.
    lifecycle: { ...c.lifecycle, advanceClockMs: 0, after: {} },
  }));
}
