// Every profile's case catalog, by profile name (the CLI's --list, the reporters and coverage read it).
import type { CaseDef } from '../harness/engine/case-model';
import { BOT_FRAMEWORK_CASES } from './bot-framework/cases';

export const CATALOGS: Record<string, CaseDef[]> = {
  'bot-framework': BOT_FRAMEWORK_CASES,
};

export const PROFILES = Object.keys(CATALOGS);
