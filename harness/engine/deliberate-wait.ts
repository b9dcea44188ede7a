// The harness's waits on purpose (a grace period for a reply that must not come, a pause between
// retries while a SUT picks up a rotated key), counted so that the benchmark can say what share of
// a run's time was waiting by design rather than work.
import { setTimeout as sleep } from 'node:timers/promises';

let waitedMs = 0;

export async function waitOnPurpose(ms: number): Promise<void> {
  waitedMs += ms;
  await sleep(ms);
}

/** Milliseconds this process has waited on purpose so far (summed over cases running side by side). */
export const deliberateWaitMs = (): number => waitedMs;

/** The pause between two tries of a case that retries while its valid request is refused (a SUT
 *  picking up a rotated key in the background): short, so that the case ends soon after the SUT is ready. */
export const RETRY_INTERVAL_MS = 250;
