// Recognises file systems on which OS file events do not arrive (network and FUSE mounts).
import { statfs } from 'node:fs/promises';

// statfs(2) f_type magic numbers of file systems whose changes made elsewhere raise no inotify events.
const NO_EVENTS_FS = new Map<number, string>([
  [0x6969, 'nfs'],
  [0x517b, 'smb'],
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x65735546, 'fuse'],
]);

/** The name of the file system holding `dir` if OS events cannot be trusted there, else undefined. */
export async function eventlessFileSystem(dir: string): Promise<string | undefined> {
  try {
    const info = await statfs(dir);
    return NO_EVENTS_FS.get(Number(info.type) >>> 0);
  } catch {
    return undefined;
  }
}
