// Where a V8 heap snapshot's bytes are, by node type and object class, and how much of the string bytes
// are copies of a string held elsewhere too (what interning would save):
// node heap-summary.mjs FILE.heapsnapshot [count]
import { readFileSync } from 'node:fs';
const snapshot = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
const width = fields.length;
const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
const { nodes, strings } = snapshot;
const byType = new Map();
const byClass = new Map();
const copies = new Map(); // string value → [count, bytes]
let total = 0;
const add = (map, key, size) => {
  const entry = map.get(key) ?? [0, 0];
  entry[0]++;
  entry[1] += size;
  map.set(key, entry);
};
for (let i = 0; i < nodes.length; i += width) {
  const type = types[nodes[i + typeAt]];
  const size = nodes[i + sizeAt];
  total += size;
  add(byType, type, size);
  if (type === 'object' || type === 'array') add(byClass, `${type} ${strings[nodes[i + nameAt]]}`, size);
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') add(copies, strings[nodes[i + nameAt]], size);
}
const count = Number(process.argv[3] ?? 15);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const print = (title, map) => {
  console.log(`${title}:`);
  for (const [key, [n, size]] of [...map].sort((a, b) => b[1][1] - a[1][1]).slice(0, count)) {
    console.log(`  ${mib(size).padStart(10)} ${((100 * size) / total).toFixed(1).padStart(5)}%  ${String(n).padStart(9)}×  ${key.slice(0, 60)}`);
  }
};
console.log(`total self size ${mib(total)}`);
print('by node type', byType);
print('objects and arrays by class', byClass);
let duplicated = 0;
let duplicates = 0;
for (const [, [n, size]] of copies) {
  if (n < 2) continue;
  duplicated += size - size / n;
  duplicates += n - 1;
}
console.log(`strings: ${copies.size} distinct values; ${duplicates} copies of a value held elsewhere too, ${mib(duplicated)}`);
print('most copied strings (bytes of all copies)', new Map([...copies].filter(([, [n]]) => n > 1)));
