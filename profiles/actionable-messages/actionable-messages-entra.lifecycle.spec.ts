// Actionable Messages, key lifecycle: run after all other cases, one at a time (playwright.config.ts).
import { defineLifecycleSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineLifecycleSuite(CATALOGS['actionable-messages-entra'], BASELINES['actionable-messages-entra'].baseline);
