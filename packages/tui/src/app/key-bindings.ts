// Keys a less/vim user already knows, mapped to the controller's actions.
import type { InputEvent } from '../input/input-event.js';
import { ERROR_LEVELS, WARNING_LEVELS, type BrowserController } from './browser-controller.js';

/** Lines the mouse wheel scrolls per notch. */
const WHEEL_LINES = 3;
/** Columns ←/→ scroll sideways. */
const SIDE_STEP = 8;

/** Applies one input event to the browser. */
export function handleInput(c: BrowserController, event: InputEvent): void {
  const s = c.state;
  if (event.type === 'paste') {
    if (s.prompt) for (const ch of event.text.replace(/[\r\n]+/g, ' ')) c.editPrompt(ch);
    return;
  }
  if (event.type === 'mouse') {
    if (event.button === 'wheel-up') c.scrollBy(-WHEEL_LINES);
    else if (event.button === 'wheel-down') c.scrollBy(WHEEL_LINES);
    else if (event.action === 'press' && event.button === 'left' && !s.overlay && event.row < c.store.count - s.top) c.jumpTo(s.top + event.row);
    return;
  }
  const { key, ctrl } = event;
  if (ctrl && key === 'c') return c.quit();
  if (s.prompt) {
    if (key === 'enter') c.submitPrompt();
    else if (key === 'escape') c.cancel();
    else if (key === 'backspace') c.editPrompt('backspace');
    else if ([...key].length === 1 && !ctrl) c.editPrompt(key);
    return;
  }
  if (s.message !== undefined) s.message = undefined;
  if (s.overlay) {
    if (key === 'q' || key === 'escape' || key === 'enter' || key === 'h' || key === 'f1') c.cancel();
    else if (s.overlay.kind === 'detail' && (key === 'j' || key === 'down')) s.overlay.scroll++;
    else if (s.overlay.kind === 'detail' && (key === 'k' || key === 'up')) s.overlay.scroll = Math.max(0, s.overlay.scroll - 1);
    // The browser draws a frame after every input event: nothing to ask for here.
    return;
  }
  if (ctrl) {
    if (key === 'f') return c.pageDown();
    if (key === 'b') return c.pageUp();
    if (key === 'd') return c.scrollBy(c.halfPage());
    if (key === 'u') return c.scrollBy(-c.halfPage());
    if (key === 'e' || key === 'n') return c.scrollBy(1);
    if (key === 'y' || key === 'p') return c.scrollBy(-1);
    return;
  }
  switch (key) {
    case 'j': case 'down': return c.scrollBy(1);
    case 'k': case 'up': return c.scrollBy(-1);
    case ' ': case 'pagedown': case 'f': return c.pageDown();
    case 'b': case 'pageup': return c.pageUp();
    case 'd': return c.scrollBy(c.halfPage());
    case 'u': return c.scrollBy(-c.halfPage());
    case 'x': return c.popFilter();
    case 'g': case 'home': case '<': return c.goTop();
    case 'G': case 'end': case '>': return c.goBottom();
    case 'F': return c.toggleFollow();
    case ':': case '/': case '?': case '&': case '!': return c.openPrompt(key);
    case 'n': return c.searchAgain(false);
    case 'N': return c.searchAgain(true);
    case 'e': return c.jumpLevel(ERROR_LEVELS, 1);
    case 'E': return c.jumpLevel(ERROR_LEVELS, -1);
    case 'w': return c.jumpLevel(WARNING_LEVELS, 1);
    case 'W': return c.jumpLevel(WARNING_LEVELS, -1);
    case 'l': return c.cycleLevel();
    case 'tab': return c.cycleSource();
    case 'S': return c.toggleWrap();
    case 'left': return c.scrollSideways(-SIDE_STEP);
    case 'right': return c.scrollSideways(SIDE_STEP);
    case 'enter': return c.showDetail();
    case 'h': case 'f1': return c.showHelp();
    case 'escape': return c.cancel();
    case 'q': case 'Q': return c.quit();
    default:
      return;
  }
}
