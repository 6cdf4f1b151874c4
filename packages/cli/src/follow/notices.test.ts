// Unit tests of the stderr notices: tail's wording for file events and errors.
import { FileAccessError, NotAFileError, ReadError } from '@logstream/core';
import { describe, expect, it } from 'vitest';
import { describeError, describeEvent, describeMissing } from './notices.js';

const path = '/abs/app.log';

describe('describeEvent', () => {
  it('words waiting and appearing as tail does', () => {
    expect(describeEvent({ type: 'waiting', path, reason: 'missing' }, 'app.log', 'starting')).toBe("waiting for 'app.log' to appear");
    expect(describeEvent({ type: 'following', path, offset: 0 }, 'app.log', 'waiting')).toBe("'app.log' has appeared; following new file");
    expect(describeEvent({ type: 'waiting', path, reason: 'missing' }, 'app.log', 'following')).toBe("'app.log' has been moved or deleted; waiting for it to reappear");
  });

  it('leaves an unreadable file or a directory to its error message', () => {
    expect(describeEvent({ type: 'waiting', path, reason: 'unreadable' }, 'app.log', 'starting')).toBeUndefined();
    expect(describeEvent({ type: 'waiting', path, reason: 'not-a-file' }, 'app.log', 'following')).toBeUndefined();
  });

  it('says nothing when following starts normally or continues after rotation', () => {
    expect(describeEvent({ type: 'following', path, offset: 10 }, 'app.log', 'starting')).toBeUndefined();
    expect(describeEvent({ type: 'following', path, offset: 0 }, 'app.log', 'following')).toBeUndefined();
    expect(describeEvent({ type: 'closed', path }, 'app.log', 'following')).toBeUndefined();
  });

  it('reports rotation, replacement and truncation', () => {
    expect(describeEvent({ type: 'rotated', path }, 'app.log', 'following')).toBe("'app.log' has been rotated; following new file");
    expect(describeEvent({ type: 'replaced', path }, 'app.log', 'following')).toBe("'app.log' has been replaced; following new file");
    const truncated = { type: 'truncated', path, previousOffset: 90, size: 0, resumedAt: 0, unreadBytesLost: 0 } as const;
    expect(describeEvent(truncated, 'app.log', 'following')).toBe('app.log: file truncated');
    expect(describeEvent({ ...truncated, unreadBytesLost: 12 }, 'app.log', 'following')).toBe('app.log: file truncated (up to 12 bytes written just before may have been lost)');
  });
});

describe('describeError', () => {
  it("puts the user's name in place of the absolute path", () => {
    expect(describeError(new NotAFileError('/srv/logs', 'directory'), 'logs', true)).toBe("'logs' is a directory, not a file: give the path of a log file");
  });

  it('keeps the advice to fix permissions while following, and is short with --no-follow', () => {
    const error = new FileAccessError(path, Object.assign(new Error('denied'), { code: 'EACCES' }));
    expect(describeError(error, 'app.log', true)).toMatch(/^cannot open 'app\.log' for reading \(EACCES\): check its permissions/);
    expect(describeError(error, 'app.log', false)).toBe("cannot open 'app.log' for reading (EACCES)");
    expect(describeError(new ReadError(path, Object.assign(new Error('io'), { code: 'EIO' })), 'app.log', false)).toBe("error reading 'app.log' (EIO)");
  });

  it("words a missing file as tail does", () => {
    expect(describeMissing('x.log')).toBe("cannot open 'x.log' for reading: No such file or directory");
  });
});
