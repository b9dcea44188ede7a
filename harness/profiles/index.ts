// Profile name -> how to start its fakes. Apart from registry.ts so that the CLI can read profile
// names and defaults without loading every profile's fakes.
import { startBotFrameworkWorld } from './bot-framework-world';
import type { ProfileName, StartWorld } from './registry';
import { startAmWorld } from './am-world';
import { startS2sWorld } from './s2s-world';
import { startS2sClientWorld } from './s2s-client-world';

export const WORLDS: Record<ProfileName, StartWorld> = {
  'bot-framework': startBotFrameworkWorld,
  'sharepoint-s2s': (s) => startS2sWorld(s, 'sharepoint-s2s'),
  xoauth: (s) => startS2sWorld(s, 'xoauth'),
  'actionable-messages': (s) => startAmWorld(s, 'actionable-messages'),
  'actionable-messages-entra': (s) => startAmWorld(s, 'actionable-messages-entra'),
  's2s-client': startS2sClientWorld,
  'bot-outbound': (s) => startBotFrameworkWorld(s, { outbound: true }),
};
