// What a failed system call means, in words a user acts on: one table for every message that names a file.
const MEANINGS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
};

/** The meaning of an errno code, or null when it has no wording of its own. */
export const meaningOf = (code: string | undefined): string | null => (code && MEANINGS[code]) || null;
