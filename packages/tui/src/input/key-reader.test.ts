// readKeys: delivery from a stream, the Escape timeout on a manual clock, unsubscribing.
import { describe, expect, it } from 'vitest';
import { FakeTtyInput } from '../test-utils/fake-tty.js';
import { ManualClock } from '../test-utils/manual-clock.js';
import type { InputEvent } from './input-event.js';
import { readKeys } from './key-reader.js';

function setup(): { input: FakeTtyInput; clock: ManualClock; events: InputEvent[]; names: () => (string | false)[]; stop: () => void } {
  const input = new FakeTtyInput();
  const clock = new ManualClock();
  const events: InputEvent[] = [];
  const subscription = readKeys(input, (event) => events.push(event), { clock });
  return { input, clock, events, names: () => events.map((event) => event.type === 'key' && event.key), stop: () => subscription.unsubscribe() };
}

describe('readKeys', () => {
  it('delivers keys as they arrive and resumes the input', () => {
    const { input, names } = setup();
    expect(input.flowing).toBe(true);
    input.send('q');
    input.send(Buffer.from('\x1b[A'));
    expect(names()).toEqual(['q', 'up']);
  });

  it('takes a lone ESC for Escape once 50 ms pass without more input', () => {
    const { input, clock, names } = setup();
    input.send('\x1b');
    clock.advance(49);
    expect(names()).toEqual([]);
    clock.advance(1);
    expect(names()).toEqual(['escape']);
  });

  it('joins a sequence whose rest arrives within the wait', () => {
    const { input, clock, names } = setup();
    input.send('\x1b');
    clock.advance(30);
    input.send('[B');
    clock.advance(100);
    expect(names()).toEqual(['down']);
  });

  it('restarts the wait on each chunk of an unfinished sequence', () => {
    const { input, clock, names } = setup();
    input.send('\x1b[');
    clock.advance(40);
    input.send('1;');
    clock.advance(40);
    input.send('5A');
    expect(names()).toEqual(['up']);
    expect(clock.pending).toBe(0);
  });

  it('stops on unsubscribe, twice over, and pauses the input', () => {
    const { input, clock, names, stop } = setup();
    input.send('\x1b');
    stop();
    stop();
    clock.advance(100);
    input.send('x');
    expect(names()).toEqual([]);
    expect(input.flowing).toBe(false);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('works with using', () => {
    const input = new FakeTtyInput();
    {
      using _keys = readKeys(input, () => {});
      expect(input.listenerCount('data')).toBe(1);
    }
    expect(input.listenerCount('data')).toBe(0);
  });

  it('stops delivering at once when a listener unsubscribes midway through a chunk', () => {
    const input = new FakeTtyInput();
    const seen: string[] = [];
    const subscription = readKeys(input, (event) => {
      if (event.type === 'key') seen.push(event.key);
      subscription.unsubscribe();
    });
    input.send('abc');
    expect(seen).toEqual(['a']);
  });
});
