// A process with a tiny heap (the test gives it --max-old-space-size) that writes a snapshot of MIB
// one-MiB records through Journal.compact from a lazy generator, then reads it back through a second
// Journal, checking every record as it arrives. Prints what it wrote and read as one JSON line.
import { stat } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { Journal } from '../../src/storage/journal.js';

type Batch = { i: number; fill: string };
const [directory, mib] = [process.argv[2]!, Number(process.argv[3])];
const RECORD = 1 << 20;
const fillOf = (i: number) => String.fromCharCode(97 + (i % 26)).repeat(RECORD);

function* state(): Generator<Batch> {
  for (let i = 0; i < mib; i++) yield { i, fill: fillOf(i) };
}

const warnings: string[] = [];
const writer = new Journal<Batch>(directory, 'big', { warn: (message, details) => warnings.push(`${message} ${JSON.stringify(details)}`) });
const nothing = { reset: () => {}, apply: () => {} };
await writer.locked(async () => {
  await writer.read(nothing);
  await writer.append({ i: -1, fill: 'folded into the snapshot' });
  await writer.compact(state());
});

let records = 0;
let resets = 0;
const problems: string[] = [];
await new Journal<Batch>(directory, 'big').read({
  reset: () => resets++,
  apply: (batch) => {
    // Checked and dropped at once: the process could not hold even a few of them beside each other.
    if (batch.i !== records || batch.fill.length !== RECORD || batch.fill !== fillOf(records)) problems.push(`record ${records} is not what was written`);
    records++;
  },
});
const { size } = await stat(writer.snapshotPath);
const heapLimit = getHeapStatistics().heap_size_limit;
console.log(JSON.stringify({ snapshotBytes: size, heapLimit, records, resets, warnings, problems }));
