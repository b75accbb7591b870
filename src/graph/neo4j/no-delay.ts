import net from 'node:net';

let installed = false;

/**
 * Turns Nagle's algorithm off for the driver's Bolt sockets. neo4j-driver 5 leaves it on and offers no
 * option, and it writes a large message in 1,400-byte chunks, so the second chunk waits for the server's
 * delayed ACK: about 40 ms added to most statements (measured in scripts/bench: one document's write
 * 490 ms → 47 ms, the 3-level view 58 ms → 12 ms). The driver opens plain TCP sockets with net.connect,
 * so that is where noDelay is set, once per process; Node's own HTTP client sets it by default too.
 */
export function disableNagle(): void {
  if (installed) return;
  installed = true;
  const connect = net.connect;
  (net as { connect: unknown }).connect = (...args: unknown[]) => (connect as (...a: unknown[]) => net.Socket)(...args).setNoDelay(true);
}
