// MS-XOAUTH resource server: one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineSuite(CATALOGS['xoauth'], BASELINES['xoauth'].baseline);
