// Outlook Actionable Messages action endpoint, legacy Microsoft-signed token: one Playwright test per case.
import { defineSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineSuite(CATALOGS['actionable-messages'], BASELINES['actionable-messages'].baseline);
