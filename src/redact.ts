// `scheme://user:password@` or `scheme://token@`: what is between `//` and `@` is a credential.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@"'<>]+)@/gi;
const MASK = '***';

/** A URI with its user information masked (the user name is kept, the password or token is not). */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, (_, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return `${scheme}${colon > 0 ? `${userinfo.slice(0, colon)}:${MASK}` : MASK}@`;
  });
}

/**
 * A function that masks, in any text about to be printed or logged, the credentials inside URIs and the
 * given secret values — also in their JSON-escaped form, since log lines are JSON.
 */
export function createRedactor(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const forms = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))];
  // Longest first, so a secret that contains another is masked whole.
  forms.sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((out, secret) => out.split(secret).join(MASK), redactUrlCredentials(text));
}

/** A log destination that redacts every line before writing it, so no log line escapes the redactor. */
export function redactingDestination(redact: (text: string) => string, target: { write(text: string): unknown }) {
  return { write: (line: string) => void target.write(redact(line)) };
}
