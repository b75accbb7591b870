/**
 * One copy of each string that many records repeat. Parsing JSON makes a fresh copy of every string value
 * (V8 shares only very short ones), and so does each call that cuts text into words: a document id in
 * every record that cites it, an organization name in every term list of its people. Kept in a pool for
 * as long as the store that uses it, whose records then share one copy per value; only memory changes.
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  one = (value: string): string => {
    const found = this.strings.get(value);
    if (found !== undefined) return found;
    this.strings.set(value, value);
    return value;
  };

  all = (values: readonly string[]): string[] => values.map(this.one);
}
