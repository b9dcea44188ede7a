// Outlook Actionable Messages action endpoint, Entra ID token (since 2026-06-08): one Playwright test per case.
import { defineSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineSuite(CATALOGS['actionable-messages-entra'], BASELINES['actionable-messages-entra'].baseline);
