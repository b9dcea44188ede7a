// State a runner keeps for the length of one run (a control token, the scenarios a client already
// ran, the bot's clock offset): kept per run, not per process, so that runs one after another in
// the same process (the self-tests run many flaws in one warm process) never see an earlier run's.
// A run is known by its signing keys: one object per run, shared by its clients and worlds, and
// a token signed for one run is worthless in another anyway.
import type { RunState } from '../run/state';

/** `make()`'s value, made once per run (per `state.keys`) and then returned for that run. */
export function perRun<T extends object>(make: () => T): (state: Pick<RunState, 'keys'>) => T {
  const byRun = new WeakMap<object, T>();
  return (state) => {
    let value = byRun.get(state.keys);
    if (!value) byRun.set(state.keys, (value = make()));
    return value;
  };
}
