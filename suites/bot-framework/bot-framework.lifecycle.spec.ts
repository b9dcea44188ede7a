// Bot Framework inbound, key lifecycle: run after all other cases, one at a time (playwright.config.ts).
import { defineLifecycleSuite } from '../../harness/engine/define-suite';
import { BASELINES } from '../baselines';
import { BOT_FRAMEWORK_CASES } from './cases';

defineLifecycleSuite(BOT_FRAMEWORK_CASES, BASELINES['bot-framework'].baseline);
