// Unit tests of the demo's rotating log: rename rotation with a late write, bounded copies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/index.js';
import { RotatingLog } from './rotating-log.js';

describe('RotatingLog', () => {
  it('renames on rotation, writes one more entry to the renamed file, then to the new one', () => {
    const path = join(tempDir(), 'app.log');
    const log = new RotatingLog(path);
    log.append('one\n');
    log.rotate();
    expect(readFileSync(path, 'utf8')).toBe('');
    log.append('late\n');
    log.append('two\n');
    log.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('one\nlate\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
  });

  it('keeps a bounded number of rotated copies', () => {
    const dir = tempDir();
    const log = new RotatingLog(join(dir, 'app.log'), 2);
    for (let i = 1; i <= 4; i++) {
      log.rotate();
      log.append(`late ${String(i)}\n`);
      log.append(`gen ${String(i + 1)}\n`);
    }
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2']);
    expect(readFileSync(join(dir, 'app.log.1'), 'utf8')).toBe('gen 4\nlate 4\n');
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toBe('gen 5\n');
  });
});
