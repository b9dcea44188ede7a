// What the engine and the profiles' runners read of the run's configuration (harness/run/config.ts
// has the whole of it): given to them, not read from the registry's side, so that no profile module
// imports the configuration (which names the registry's profiles) back.
export interface RunView {
  /** The SUT's main endpoint (a client-role profile: the resource the client is told to call). */
  endpoint: string;
  /** The run's case filter (--grep). */
  grep?: string;
  /** The per-request deadline. */
  timeoutMs: number;
  /** How long a launched SUT may take to accept connections. */
  startupTimeoutMs: number;
}

/** How long a one-shot (client-role) SUT may take for one scenario before it is taken as hung and stopped. */
export const oneShotTimeoutMs = (run: Pick<RunView, 'timeoutMs'>): number => Math.max(3_000, 2 * run.timeoutMs);

/** The case filter shared by the spec files, the engines and the results, so all see the same list. */
export function caseFilter(grep: string | undefined): (c: { id: string; title: string }) => boolean {
  if (!grep) return () => true;
  const re = new RegExp(grep);
  return (c) => re.test(`${c.id} ${c.title}`);
}
