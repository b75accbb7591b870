// Process helpers shared by the local servers' start/stop scripts (scripts/neo4j, scripts/meili).

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM'; // exists, just not ours to signal
  }
}

/** SIGTERM (the server shuts down cleanly), SIGKILL after timeoutMs; says which it took. */
export async function stopPid(pid, timeoutMs) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  while (isAlive(pid)) await sleep(100);
  return 'killed';
}
