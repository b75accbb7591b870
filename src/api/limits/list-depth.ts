import type { ValidationContext, ValidationRule } from 'graphql';

/**
 * Refuses list and object values nested deeper than `maxDepth` ([[[…]]] as an argument): coercing them
 * recurses once per level, and 20,000 levels overflowed the stack. The visit itself is iterative, so the
 * check is safe on any document the token limit lets through.
 */
export function listDepthRule(maxDepth: number, reject: (context: ValidationContext, message: string) => void): ValidationRule {
  return (context) => {
    let depth = 0;
    let reported = false;
    const enter = () => {
      depth++;
      if (depth > maxDepth && !reported) {
        reported = true;
        reject(context, `Input value depth limit of ${maxDepth} exceeded.`);
      }
    };
    const leave = () => void depth--;
    return { ListValue: { enter, leave }, ObjectValue: { enter, leave } };
  };
}
