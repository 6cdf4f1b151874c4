// Unit tests of error routing shared by every stream: to onError, else to the others, else a
// process warning; a throwing onError never disturbs the others and is itself reported.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogStreamError, SubscriberError } from '../errors/log-stream-error.js';
import { reportError, reportSubscriberFailure, type ErrorTaker } from './subscriber-errors.js';

function taker(): ErrorTaker & { seen: LogStreamError[] } {
  const seen: LogStreamError[] = [];
  return { seen, onError: (e) => void seen.push(e) };
}

describe('subscriber error routing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports an error to every subscriber with onError, and skips `except`', () => {
    const a = taker();
    const b = taker();
    const error = new LogStreamError('ERR_READ', 'boom', { path: 'app.log' });
    reportError([a, b, {}], 'app.log', error, b);
    expect(a.seen).toEqual([error]);
    expect(b.seen).toEqual([]);
  });

  it('turns an error no subscriber takes into a process warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const error = new LogStreamError('ERR_READ', 'boom', { path: 'app.log' });
    reportError([{}], 'app.log', error);
    expect(warn).toHaveBeenCalledWith(error);
  });

  it("sends a subscriber's failure to its own onError first, else to the others", () => {
    const own = taker();
    const other = taker();
    reportSubscriberFailure([own, other], 'app.log', own, 'onLines', new Error('bad line'));
    expect(own.seen[0]).toBeInstanceOf(SubscriberError);
    expect(own.seen[0]?.message).toContain('onLines');
    expect(other.seen).toEqual([]);
    const silent: ErrorTaker = {};
    reportSubscriberFailure([silent, other], 'app.log', silent, 'onEvent', new Error('bad event'));
    expect(other.seen[0]?.message).toContain('onEvent');
  });

  it('reports an onError that throws as a warning and still tells the other subscribers', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const thrower: ErrorTaker = { onError: () => { throw new Error('onError broke'); } };
    const other = taker();
    const error = new LogStreamError('ERR_READ', 'boom', { path: 'app.log' });
    reportError([thrower, other], 'app.log', error);
    expect(other.seen).toEqual([error]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String((warn.mock.calls[0]?.[0] as Error).message)).toContain('onError');
  });
});
