// Counts this process's open file descriptors (Linux /proc), for leak checks.
import { readdirSync } from 'node:fs';

export function openDescriptorCount(): number {
  return readdirSync('/proc/self/fd').length;
}
