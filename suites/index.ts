// Every profile's case catalog, by profile name (the CLI's --list, the reporters and coverage read it).
import type { CaseDef } from '../harness/engine/case-model';
import { PROFILE_NAMES, type ProfileName } from '../harness/profiles/registry';
import { BOT_FRAMEWORK_CASES } from './bot-framework/cases';
import { amCases } from './am-common/cases';
import { s2sCases } from './s2s-common/cases';
import { s2sClientCases } from './s2s-client/cases';
import { botOutboundCases } from './bot-outbound/cases';
import { BF_CHANNEL, BF_EMULATOR } from './bot-framework/paths';
import { AM_PATHS } from './am-common/paths';
import { s2sPaths } from './s2s-common/paths';
import type { TokenPath } from './families/types';

export const SHAREPOINT_S2S_CASES = s2sCases('sharepoint-s2s');
export const XOAUTH_CASES = s2sCases('xoauth');
export const AM_CASES = amCases('actionable-messages');
export const AM_ENTRA_CASES = amCases('actionable-messages-entra');
export const S2S_CLIENT_CASES = s2sClientCases();
export const BOT_OUTBOUND_CASES = botOutboundCases();

export const CATALOGS: Record<ProfileName, CaseDef[]> = {
  'bot-framework': BOT_FRAMEWORK_CASES,
  'sharepoint-s2s': SHAREPOINT_S2S_CASES,
  xoauth: XOAUTH_CASES,
  'actionable-messages': AM_CASES,
  'actionable-messages-entra': AM_ENTRA_CASES,
  's2s-client': S2S_CLIENT_CASES,
  'bot-outbound': BOT_OUTBOUND_CASES,
};

export const PROFILES: string[] = [...PROFILE_NAMES];

/** Every inbound token path the attack families run on (the completeness matrix's columns). The
 *  xoauth profile runs the same three S2S paths as sharepoint-s2s, with its own requirements. */
export const TOKEN_PATHS: TokenPath[] = [BF_CHANNEL, BF_EMULATOR, AM_PATHS['actionable-messages'], AM_PATHS['actionable-messages-entra'], ...s2sPaths('sharepoint-s2s')];
