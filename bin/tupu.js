#!/usr/bin/env -S node --max-semi-space-size=64
// The `tupu` command: runs the TypeScript sources through tsx, so a clone needs no build step.
// A young generation of 64 MiB per semi-space (V8's default is 16): a server answering many small requests
// otherwise spends a fifth of its time in scavenges, 4 s in 20 at S=100 (docs/benchmarks.md). V8 reads
// the size only when the process starts, hence this line; run `tupu` (or `npm start`), not `node bin/tupu.js`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
