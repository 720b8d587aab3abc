#!/usr/bin/env node
// The server runs its TypeScript sources directly through tsx: no build step to forget.
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

// The embedded database (PGlite) is WebAssembly. V8 compiles it twice by default (baseline, then
// optimised); the baseline code alone keeps the idle server about 50 MB smaller and, measured with
// the embedded database's queries, no slower (docs/PERFORMANCE.md, idle memory). Set before any
// WebAssembly is compiled; PostgreSQL deployments compile none.
v8.setFlagsFromString('--liftoff-only');

register();
await import('../src/cli/main.ts');
