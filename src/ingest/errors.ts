/**
 * A facts file that cannot be loaded. `file` is the path as given, `at` the JSON path of the problem
 * ("$.people[3].positions[0].organization"), or null when the file as a whole is the problem.
 */
export class BadInputError extends Error {
  constructor(
    readonly file: string,
    readonly at: string | null,
    readonly problem: string,
  ) {
    super(at ? `${file}: ${at}: ${problem}` : `${file}: ${problem}`);
    this.name = 'BadInputError';
  }
}

/** Every problem found in one load, so a user fixes them all in one pass. */
export class BadInputErrors extends Error {
  constructor(readonly errors: BadInputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'BadInputErrors';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

/**
 * A load that stopped at a failed batch: the documents before it are in the graph and the index, the
 * failed batch's are not (a batch is all or nothing), and nothing after it was tried. `cause` says why.
 */
export class PartialLoadError extends Error {
  constructor(
    readonly written: readonly string[],
    readonly notWritten: readonly string[],
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const done = written.length ? `${documents(written)} ${written.length === 1 ? 'was' : 'were'} written` : 'nothing was written';
    super(`${done}; the batch of ${documents(notWritten)} was not written, nor anything after it: ${reason}`);
    this.name = 'PartialLoadError';
  }
}

/** "3 documents (a.json through c.json)": a run of documents in load order. */
function documents(files: readonly string[]): string {
  const range = files.length === 1 ? files[0] : `${files[0]} through ${files.at(-1)}`;
  return `${files.length} document${files.length === 1 ? '' : 's'} (${range})`;
}
