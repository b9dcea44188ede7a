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
  /** The worlds started with the run, by name (engine/case-dispatch.ts's sharedWorldOf), for the
   *  cases that run one at a time on a SUT of their own: the clock-moving key-lifecycle cases, and
   *  bot-outbound's cases that name a world. Each has its own SUT process started from --sut beside
   *  the run's, so its cases overlap the others. Absent (--target, or such a SUT did not start):
   *  those cases run on the run's SUT (the key-lifecycle ones after the other cases). */
  sharedWorlds?: Record<string, SharedWorld>;
  /** Where a case asks for a world of its own (the run's control API), when its client is another
   *  world's (HarnessClient.inWorld). Absent: `urls.control`. */
  worldsControl?: string;
  /** The shared world this client's state is of (HarnessClient.inSharedWorld), by name: said in its cases' evidence. */
  world?: string;
}

export interface SharedWorld {
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
