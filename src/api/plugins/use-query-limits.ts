import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codedError } from '../errors.js';
import { costLimitRule } from '../limits/cost.js';
import { listDepthRule } from '../limits/list-depth.js';
import { tokensUpTo } from '../limits/tokens.js';

export interface QueryLimits {
  /** Lexical tokens in a document; the 3-level view needs ≈ 60, GraphiQL's introspection query 183. */
  maxTokens?: number;
  /** Deepest selection, fragments counted; the 3-level view (event → participations → person → roles) needs 7. */
  maxDepth?: number;
  /** Aliases in an operation, `__typename` included. */
  maxAliases?: number;
  maxDirectives?: number;
  /** Nesting of list and object values given as arguments. */
  maxListDepth?: number;
  /** Estimated rows × fields (see limits/cost.ts); the 3-level view at 20 events costs ≈ 4,000. */
  maxCost?: number;
}

/**
 * Refuses what would cost too much before any of it runs: tokens are counted before the document is
 * parsed or looked up in the parse cache (so no oversized tree is built or kept), the other limits are
 * validation rules. Every refusal is QUERY_TOO_COMPLEX with HTTP 400 and says which limit and by how
 * much; graphql-armor's own errors begin "Syntax Error" and carry no code, so each armor plugin hands its
 * refusal to `refuse` instead. (armor's max-tokens is not used: it refuses inside the parser, and yoga
 * marks every parse error as one to answer with 200.)
 */
export function useQueryLimits(
  { maxTokens = 2000, maxDepth = 12, maxAliases = 20, maxDirectives = 20, maxListDepth = 8, maxCost = 50_000 }: QueryLimits = {},
  maxFirst: number,
): Plugin[] {
  // armor's callbacks allow a null context (its token counter's); every plugin used here passes one.
  const refuse = (context: ValidationContext | null, error: GraphQLError | string) => {
    const message = typeof error === 'string' ? error : error.message.replace(/^Syntax Error: /, '');
    const coded = codedError('QUERY_TOO_COMPLEX', message, 400);
    context?.reportError(coded);
  };
  const armor = { exposeLimits: true, propagateOnRejection: false, onReject: [refuse] };
  const tokens: Plugin = {
    onParams({ params, setResult }) {
      if (typeof params.query === 'string' && tokensUpTo(params.query, maxTokens) > maxTokens) {
        setResult({ errors: [codedError('QUERY_TOO_COMPLEX', `Token limit of ${maxTokens} exceeded.`, 400)] });
      }
    },
  };
  const rules: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(listDepthRule(maxListDepth, refuse));
      addValidationRule(costLimitRule({ maxCost, maxFirst, listSize: 10, reject: refuse }));
      // A refused document gets the refusal alone, not also what other rules found in it (which can
      // echo the whole oversized value back).
      return ({ valid, result, setResult }) => {
        const refusals = valid ? [] : result.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
        if (refusals.length) setResult(refusals);
      };
    },
  };
  return [
    tokens,
    maxDepthPlugin({ n: maxDepth, flattenFragments: true, ...armor }),
    maxAliasesPlugin({ n: maxAliases, allowList: [], ...armor }),
    maxDirectivesPlugin({ n: maxDirectives, ...armor }),
    rules,
  ] as Plugin[];
}
