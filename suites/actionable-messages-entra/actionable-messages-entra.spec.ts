// Outlook Actionable Messages action endpoint, Entra ID token (since 2026-06-08): one Playwright test per case.
import { defineSuite } from '../../harness/engine/define-suite';
import { amBaseline } from '../../harness/profiles/actionable-messages';
import { AM_ENTRA_CASES } from '..';

defineSuite(AM_ENTRA_CASES, (path, ctx) => amBaseline(path, ctx));
