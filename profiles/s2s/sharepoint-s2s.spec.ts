// SharePoint server-to-server (MS-SPS2SAUTH) resource server: one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineSuite(CATALOGS['sharepoint-s2s'], BASELINES['sharepoint-s2s'].baseline);
