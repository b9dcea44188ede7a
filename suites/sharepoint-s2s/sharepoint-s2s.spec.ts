// SharePoint server-to-server (MS-SPS2SAUTH) resource server: one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { s2sBaseline } from '../../harness/profiles/s2s';
import { SHAREPOINT_S2S_CASES } from '..';

defineSuite(SHAREPOINT_S2S_CASES, (path, ctx) => s2sBaseline('sharepoint-s2s', path, ctx));
