// SharePoint S2S (MS-SPS2SAUTH) resource server, key lifecycle (the STS metadata's certificates): run after all other
// cases, one at a time (playwright.config.ts).
import { defineLifecycleSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineLifecycleSuite(CATALOGS['sharepoint-s2s'], BASELINES['sharepoint-s2s'].baseline);
