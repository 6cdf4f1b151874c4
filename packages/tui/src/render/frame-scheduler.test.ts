// FrameScheduler on a manual clock: coalescing, the 33 ms spacing, flush, dispose.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test-utils/manual-clock.js';
import { FrameScheduler } from './frame-scheduler.js';

function setup(intervalMs?: number): { clock: ManualClock; frames: number[]; scheduler: FrameScheduler } {
  const clock = new ManualClock();
  const frames: number[] = [];
  const scheduler = new FrameScheduler(() => frames.push(clock.now()), { clock, intervalMs });
  return { clock, frames, scheduler };
}

describe('FrameScheduler', () => {
  it('folds every request of one tick into one frame on the next', () => {
    const { clock, frames, scheduler } = setup();
    for (let i = 0; i < 1000; i++) scheduler.invalidate();
    expect(frames).toEqual([]);
    expect(scheduler.pending).toBe(true);
    clock.advance(0);
    expect(frames).toEqual([0]);
    expect(scheduler.pending).toBe(false);
  });

  it('keeps 33 ms between frames under a steady stream of requests', () => {
    const { clock, frames, scheduler } = setup();
    for (let t = 0; t < 200; t++) {
      scheduler.invalidate();
      clock.advance(1);
    }
    clock.advance(100);
    expect(frames).toEqual([0, 33, 66, 99, 132, 165, 198, 231]);
  });

  it('renders at once after a quiet spell', () => {
    const { clock, frames, scheduler } = setup();
    scheduler.invalidate();
    clock.advance(0);
    clock.advance(500);
    scheduler.invalidate();
    clock.advance(0);
    expect(frames).toEqual([0, 500]);
  });

  it('renders nothing when nothing was asked for', () => {
    const { clock, frames } = setup();
    clock.advance(1000);
    expect(frames).toEqual([]);
  });

  it('draws at once on flush, and cancels the scheduled frame', () => {
    const { clock, frames, scheduler } = setup();
    scheduler.invalidate();
    scheduler.flush();
    expect(frames).toEqual([0]);
    clock.advance(100);
    expect(frames).toEqual([0]);
    expect(clock.pending).toBe(0);
  });

  it('counts a flush as a frame for the interval', () => {
    const { clock, frames, scheduler } = setup();
    clock.advance(10);
    scheduler.flush();
    scheduler.invalidate();
    clock.advance(20);
    expect(frames).toEqual([10]);
    clock.advance(13);
    expect(frames).toEqual([10, 43]);
  });

  it('takes a request made while rendering as a new frame', () => {
    const clock = new ManualClock();
    const frames: number[] = [];
    const scheduler: FrameScheduler = new FrameScheduler(
      () => {
        frames.push(clock.now());
        if (frames.length < 3) scheduler.invalidate();
      },
      { clock },
    );
    scheduler.invalidate();
    clock.advance(200);
    expect(frames).toEqual([0, 33, 66]);
  });

  it('stops for good on dispose, twice over', () => {
    const { clock, frames, scheduler } = setup();
    scheduler.invalidate();
    scheduler.dispose();
    scheduler.dispose();
    scheduler.invalidate();
    scheduler.flush();
    clock.advance(100);
    expect(frames).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('takes another interval, and refuses a bad one', () => {
    const { clock, frames, scheduler } = setup(100);
    scheduler.invalidate();
    clock.advance(0);
    scheduler.invalidate();
    clock.advance(99);
    expect(frames).toEqual([0]);
    clock.advance(1);
    expect(frames).toEqual([0, 100]);
    expect(() => new FrameScheduler(() => {}, { intervalMs: -1 })).toThrow(RangeError);
    expect(() => new FrameScheduler(() => {}, { intervalMs: Number.NaN })).toThrow(/intervalMs/);
  });
});
