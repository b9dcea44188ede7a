// What a profile's world (its fakes) gives the run, and what the run gives it: the contract between
// the harness's run start-up (start-run.ts) and each profile's world.ts (profiles/<folder>/world.ts).
import type { TestCa } from '../ca/test-ca';
import type { SigningKey } from '../keys/signing-keys';
import type { HitLog, Router } from '../servers/router';

export interface ProfileWorld {
  keys: Record<string, SigningKey>;
  /** Origins of the fake servers by name (an `attacker` server in every profile). */
  urls: Record<string, string> & { attacker: string };
  /** Real host names a Node SUT's preload routes to `routeTo` (host:port of a fake). */
  routedHosts: string[];
  routeTo: string;
  /** Ports of the routed hosts that proxy mode tunnels (default 443 only). */
  routedPorts?: number[];
  /** The profile's part of the SUT contract environment. */
  sutEnv: Record<string, string>;
  close(): Promise<void>;
  /** The profile's own control routes (e.g. the key set's lifecycle: publish, withdraw, faults). */
  addControlRoutes?(router: Router): void;
}

export interface WorldSetup {
  ca: TestCa;
  log: HitLog;
  /** The run's output folder: public files a SUT reads (certificate bundles) go here. */
  outDir: string;
  /** A fresh random secret for the run (the bot's app password). */
  secret: string;
  /** The run's signing keys, when this world is one more of the run's (a cold-start world,
   *  harness/run/cold-worlds.ts): its key servers serve the keys the run's tokens are signed with. */
  keys?: Record<string, SigningKey>;
}

export type StartWorld = (setup: WorldSetup) => Promise<ProfileWorld>;
