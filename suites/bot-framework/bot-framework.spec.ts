// Bot Framework inbound (Connector→Bot, Emulator→Bot): one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { baseline } from '../../harness/profiles/bot-framework';
import { BOT_FRAMEWORK_CASES } from './cases';

defineSuite(BOT_FRAMEWORK_CASES, (path, ctx, state) => baseline(path, { ...ctx, urls: { front: state.urls.front, emulator: state.urls.emulator } }));
