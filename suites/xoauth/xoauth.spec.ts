// MS-XOAUTH resource server: one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { s2sBaseline } from '../../harness/profiles/s2s';
import { XOAUTH_CASES } from '..';

defineSuite(XOAUTH_CASES, (path, ctx) => s2sBaseline('xoauth', path, ctx));
