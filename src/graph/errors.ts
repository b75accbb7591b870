/** Base class of the graph store's errors. */
export class GraphStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphStoreError';
  }
}

/** The store cannot be reached or refuses us (down, wrong address, wrong password). */
export class GraphStoreUnavailableError extends GraphStoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphStoreUnavailableError';
  }
}
