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
