// The protocol profiles the harness can run: for each, the default endpoint, the bundled reference
// SUT and (profiles/index.ts) how to start its fakes. Profile names are public (the CLI's --profile): never rename.
import type { TestCa } from '../ca/test-ca';
import type { SigningKey } from '../keys/signing-keys';
import type { HitLog, Router } from '../servers/router';

export const PROFILE_NAMES = ['bot-framework', 'sharepoint-s2s', 'xoauth', 'actionable-messages', 'actionable-messages-entra', 's2s-client', 'bot-outbound'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

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
}

/**
 * What the CLI needs to know of a profile without loading its fakes. `role: 'client'`: the SUT sends
 * the tokens; its command is a one-shot client that each case scenario starts once (no --target,
 * fuzz or --load). The other profiles' SUTs receive tokens and run for the whole run.
 */
export const PROFILE_INFO: Record<ProfileName, { defaultEndpoint: string; referenceSut: string; role?: 'client' }> = {
  'bot-framework': { defaultEndpoint: '/api/messages', referenceSut: 'node fixtures/suts/bot-framework/reference.mjs' },
  'sharepoint-s2s': { defaultEndpoint: '/_api/web', referenceSut: 'node fixtures/suts/s2s/reference.mjs' },
  xoauth: { defaultEndpoint: '/_api/web', referenceSut: 'node fixtures/suts/s2s/reference.mjs' },
  'actionable-messages': { defaultEndpoint: '/api/action', referenceSut: 'node fixtures/suts/actionable-messages/reference.mjs' },
  'actionable-messages-entra': { defaultEndpoint: '/api/action', referenceSut: 'node fixtures/suts/actionable-messages/reference.mjs' },
  's2s-client': { defaultEndpoint: '/_api/web', referenceSut: 'node fixtures/suts/s2s-client/reference.mjs', role: 'client' },
  // Bot -> Connector: the SUT is a bot (the bot-framework contract); the harness sends it activities and judges its replies.
  'bot-outbound': { defaultEndpoint: '/api/messages', referenceSut: 'node fixtures/suts/bot-framework/reference.mjs' },
};

export type StartWorld = (setup: WorldSetup) => Promise<ProfileWorld>;
