// Bot Framework inbound, key lifecycle: run after all other cases, one at a time (playwright.config.ts).
import { defineLifecycleSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineLifecycleSuite(CATALOGS['bot-framework'], BASELINES['bot-framework'].baseline);
