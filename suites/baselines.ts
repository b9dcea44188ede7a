// Each profile's valid request, by path: what every case mutates, and what `fuzz` and `run --load`
// send. The first path of each profile is its main one (the one fuzzing and load use by default).
import type { BaselineFn } from '../harness/engine/run-case';
import { amBaseline, type AmPath } from '../harness/profiles/actionable-messages';
import { baseline as botBaseline, type BotPath } from '../harness/profiles/bot-framework';
import type { ProfileName } from '../harness/profiles/registry';
import { s2sBaseline, type S2sPath } from '../harness/profiles/s2s';

export interface ProfileBaseline {
  paths: string[];
  baseline: BaselineFn<string>;
}

const bot: BaselineFn<BotPath> = (path, ctx, state) => botBaseline(path, { ...ctx, urls: { front: state.urls.front, emulator: state.urls.emulator } });
const s2s = (profile: 'sharepoint-s2s' | 'xoauth'): BaselineFn<S2sPath> => (path, ctx) => s2sBaseline(profile, path, ctx);
const am: BaselineFn<AmPath> = (path, ctx) => amBaseline(path, ctx);

export const BASELINES: Record<ProfileName, ProfileBaseline> = {
  'bot-framework': { paths: ['channel', 'emulator-v1', 'emulator-v2'], baseline: bot as BaselineFn<string> },
  'sharepoint-s2s': { paths: ['app-user', 'app-only', 'app-only-metadata'], baseline: s2s('sharepoint-s2s') as BaselineFn<string> },
  xoauth: { paths: ['app-user', 'app-only', 'app-only-metadata'], baseline: s2s('xoauth') as BaselineFn<string> },
  'actionable-messages': { paths: ['email', 'connector'], baseline: am as BaselineFn<string> },
  'actionable-messages-entra': { paths: ['entra-v2', 'entra-v1'], baseline: am as BaselineFn<string> },
  // Bot -> Connector: the SUT is a bot, so fuzzing and load send it what bot-framework's channel path does.
  'bot-outbound': { paths: ['channel'], baseline: bot as BaselineFn<string> },
  // The client role: the SUT sends the tokens, so there is no request to send it (the CLI refuses fuzz and --load).
  's2s-client': {
    paths: [],
    baseline: () => {
      throw new Error('profile s2s-client: the SUT sends the tokens; there is no request to send it');
    },
  },
};
