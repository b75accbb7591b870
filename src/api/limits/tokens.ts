import { Lexer, Source, TokenKind } from 'graphql';

/**
 * Lexical tokens in a document, counting no further than `limit + 1`: a 90 KB body of 45,000 fields is
 * known to be too long after 2,001 tokens, before anything is parsed. A document that does not even lex
 * is left for the parser to report.
 */
export function tokensUpTo(query: string, limit: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    return 0;
  }
  return count;
}
