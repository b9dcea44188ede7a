// Outlook Actionable Messages action endpoint, legacy Microsoft-signed token: one Playwright test per case.
import { defineSuite } from '../../harness/engine/define-suite';
import { amBaseline } from '../../harness/profiles/actionable-messages';
import { AM_CASES } from '..';

defineSuite(AM_CASES, (path, ctx) => amBaseline(path, ctx));
