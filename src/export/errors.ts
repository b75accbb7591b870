/** A request for an export that cannot be served as asked (unknown format, id or option, too large). */
export class ExportError extends Error {
  override name = 'ExportError';
}
