// The public surface of @logstream/tui: the terminal log browser and what it is built from.
export { LogBrowser } from './app/log-browser.js';
export type { LogBrowserOptions } from './app/log-browser.js';
export { NotATerminalError } from './terminal/not-a-terminal-error.js';
export { TerminalSession } from './terminal/terminal-session.js';
export { Renderer } from './render/renderer.js';
export { ScreenBuffer } from './render/screen-buffer.js';
export { FrameScheduler } from './render/frame-scheduler.js';
export { readKeys } from './input/key-reader.js';
export type { InputEvent, KeyEvent, MouseEvent, PasteEvent } from './input/input-event.js';
