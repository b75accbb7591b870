/**
 * Why an article file could not be read. One base class, one subclass per problem; every message
 * names the file and the problem, so the CLI can print it as is.
 */
export class ArticleError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = new.target.name;
  }
}

export class EmptyArticleError extends ArticleError {
  constructor(path: string) {
    super(path, 'the file is empty (no text to extract)');
  }
}

export class BinaryFileError extends ArticleError {
  constructor(path: string, why: string) {
    super(path, `not a text file (${why})`);
  }
}

export class ArticleTooLargeError extends ArticleError {
  constructor(
    path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(path, `the file is ${size} bytes, over the limit of ${limit} bytes`);
  }
}

export class UnknownEncodingError extends ArticleError {
  constructor(path: string, encoding: string | null) {
    super(path, `the text is neither UTF-8 nor GBK/GB18030${encoding ? ` (looks like ${encoding})` : ''}`);
  }
}
