/** Probes until `accept` says yes, half a second apart, at most `tries` more times; returns the last value. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, tries = 60): Promise<T> {
  let value = await probe();
  for (let i = 0; i < tries && !accept(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await probe();
  }
  return value;
}
