// Bot Framework inbound (Connector→Bot, Emulator→Bot): one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { baseline, type BaselineContext } from '../../harness/profiles/bot-framework';
import { readRunState } from '../../harness/run/state';
import { BOT_FRAMEWORK_CASES } from './cases';

let urls: BaselineContext['urls'] | undefined;
defineSuite(BOT_FRAMEWORK_CASES, (path, ctx) => baseline(path, { ...ctx, urls: (urls ??= readRunState().urls) }));
