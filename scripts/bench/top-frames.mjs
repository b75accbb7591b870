// Top self-time frames of a V8 .cpuprofile (node --cpu-prof), grouped by function and file:
// node top-frames.mjs FILE [count] [seconds to leave out at the start, e.g. the corpus load].
import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
let total = 0;
const from = Number(process.argv[4] ?? 0) * 1e6;
let at = 0;
profile.samples.forEach((id, i) => {
  at += dt[i] ?? 0;
  if (at < from) return;
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules\/|src\/)/, '$1')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  total += dt[i] ?? 0;
});
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 15))) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}
