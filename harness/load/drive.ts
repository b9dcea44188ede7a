// Keeps at most `concurrency` requests in flight until the plan is done or `stop()` says to quit
// (the SUT died, or the user pressed Ctrl-C): a closed-loop load, each slot sending its next request
// as soon as its previous one is answered.
import type { PlannedRequest } from './plan';
import type { Answer } from './sender';

export interface DriveResult {
  sent: number;
  /** From the first request's start to the last answer, in milliseconds. */
  wallMs: number;
}

export async function drive(
  requests: readonly PlannedRequest[],
  concurrency: number,
  send: (r: PlannedRequest) => Promise<Answer>,
  onAnswer: (r: PlannedRequest, a: Answer) => void,
  stop: () => boolean,
): Promise<DriveResult> {
  let next = 0;
  const started = performance.now();
  const slot = async () => {
    while (next < requests.length && !stop()) {
      const r = requests[next++];
      onAnswer(r, await send(r));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, slot));
  return { sent: next, wallMs: performance.now() - started };
}
