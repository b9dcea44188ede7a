// What the global setup hands to the test workers: where everything listens and the key material
// to sign with. It holds private keys and the app password, so it lives in a private temp dir,
// never in the output folder.
import { readFileSync } from 'node:fs';
import type { SigningKey } from '../keys/signing-keys';

export interface RunState {
  profile: string;
  /** Fake servers' origins by name (profile-specific), plus `attacker` and `control`. */
  urls: Record<string, string> & { attacker: string; control: string };
  sutUrl: string;
  /** Every endpoint of the run, the main one (sutUrl) first, then each --also-endpoint on the same
   *  origin: where a case with `endpoints: 'all'` is sent. Absent: the main endpoint only. */
  sutEndpoints?: Array<{ endpoint: string; url: string }>;
  keys: Record<string, SigningKey>;
  /** The run's secret (the bot's app password): never written to any report. */
  appPassword: string;
  timeoutMs: number;
  /** Where the clock-moving key-lifecycle cases run, by world name (engine/case-dispatch.ts's
   *  keyLifecycleWorldOf): worlds of their own, each with its own SUT process started from --sut
   *  beside the run's, so they overlap the other cases and each other. Absent (--target, or such a
   *  SUT did not start): on the run's SUT, after the other cases. */
  keyLifecycleWorlds?: Record<string, KeyLifecycleWorld>;
  /** Where a case asks for a world of its own (the run's control API), when its client is another
   *  world's (HarnessClient.inWorld). Absent: `urls.control`. */
  worldsControl?: string;
}

export interface KeyLifecycleWorld {
  /** The world's own control server (its request log, its SUT's state and clock, its key set). */
  control: string;
  /** The world's fakes by name. */
  urls: Record<string, string>;
  sutUrl: string;
}

export const STATE_ENV = 'S2S_STATE_FILE';

export function readRunState(): RunState {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set: the suites run under the harness's global setup (use the s2s-conformance CLI)`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunState;
}
