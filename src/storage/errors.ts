/** Base class of the embedded store's errors: each names the file concerned and says what to do. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** A store file fails its checks somewhere other than a torn last record: opening it would lose or invent facts. */
export class StoreCorruptError extends StorageError {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly problem: string,
  ) {
    super(
      `${file} is damaged at byte ${offset} (${problem}); nothing was changed. ` +
        `Run \`tupu doctor\` to see the damage and \`tupu doctor --salvage DIR\` to copy every valid record into a new data directory`,
    );
    this.name = 'StoreCorruptError';
  }
}

/** Who holds a writer lock: a process id and that process's start time (so a reused pid is not mistaken for it). */
export interface LockHolder {
  pid: number;
  started: string | null;
}

/** Another live process is writing the data directory, for longer than we wait. */
export class StoreLockedError extends StorageError {
  constructor(
    readonly directory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${directory} is being written by process ${holder.pid}; wait for it to finish (or stop it) and try again. ` +
        `A lock left by a process that has died is taken over automatically`,
    );
    this.name = 'StoreLockedError';
  }
}

/** A file operation failed (EACCES, EISDIR, ENOSPC, a short write…): what was being done, on which file, and why. */
export class StoreIOError extends StorageError {
  constructor(
    readonly file: string,
    readonly action: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`could not ${action} ${file}: ${code} (${advice(code)})`, options);
    this.name = 'StoreIOError';
  }
}

function advice(code: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SHORT_WRITE':
      return 'the disk is full; free some space and run the command again: nothing it reported as stored was lost';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied; check the owner and mode of the data directory (TUPU_DATA)';
    case 'EISDIR':
    case 'ENOTDIR':
      return 'a directory is where a file should be, or the reverse; check TUPU_DATA';
    default:
      return 'check the disk and the data directory (TUPU_DATA)';
  }
}

/** Turns a Node.js file error into a StoreIOError naming the file and the action. */
export function ioError(error: unknown, file: string, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new StoreIOError(file, action, code, { cause: error });
}
