// A burst of concurrent requests (a key-lifecycle case's 20 at a time) has no per-request deadline
// that holds on a busy machine: a SUT serving them one after another answers the last one a burst's
// worth of work later, and a loaded machine stretches that further. So the burst is judged as a
// whole: the SUT stopped answering only when none of its outstanding requests got an answer for the
// run's timeout, counted from the burst's start or its last answer (progress, not the clock of one request).
import { setMaxListeners } from 'node:events';
import { SendError } from './http-send';

export class BurstWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  /** Aborts the burst's outstanding requests once `quietMs` pass without an answer. */
  constructor(private readonly quietMs: number) {
    // Each outstanding request of the burst listens on the one signal (and stops listening once it
    // ends): twenty at a time are no leak, so no "MaxListenersExceededWarning" on the CLI's stderr.
    setMaxListeners(0, this.controller.signal);
    this.arm();
  }

  /** The signal each request of the burst is sent with. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** An answer came: the SUT is still serving the burst. */
  progress(): void {
    if (!this.controller.signal.aborted) this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** How long one request of a burst of `concurrency` may take while the SUT keeps answering the others:
   *  as if it served them one at a time, each within the run's timeout. */
  static requestDeadlineMs(timeoutMs: number, concurrency: number): number {
    return timeoutMs * Math.max(1, concurrency);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new SendError(`the SUT answered none of the burst's outstanding requests for ${this.quietMs} ms`, 'timeout')), this.quietMs);
  }
}
