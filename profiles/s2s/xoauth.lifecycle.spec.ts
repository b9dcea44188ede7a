// MS-XOAUTH resource server, key lifecycle (the STS metadata's certificates): run after all other
// cases, one at a time (playwright.config.ts).
import { defineLifecycleSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineLifecycleSuite(CATALOGS['xoauth'], BASELINES['xoauth'].baseline);
