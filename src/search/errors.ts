/** Base class of the search index's errors. */
export class SearchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchError';
  }
}

/** The search engine cannot be reached, refused our key, or timed out. */
export class SearchUnavailableError extends SearchError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchUnavailableError';
  }
}
