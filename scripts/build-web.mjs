// `npm start` builds the web app only when what it is built from changed since the last build:
// the web package, the core package it imports, and the lockfile. A hash of those files is kept
// beside the build (packages/web/dist/.source-hash); a fresh clone has none and builds.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compressDir } from './compress-assets.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'packages/web/dist');
const stamp = path.join(dist, '.source-hash');
const sources = ['packages/web', 'packages/core/src', 'packages/core/package.json', 'package-lock.json'];
const skipped = new Set(['node_modules', 'dist']);

/** Every file below `entry`, in a stable order. */
function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((item) => !skipped.has(item.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((item) => files(path.join(entry, item.name)));
}

const hash = crypto.createHash('sha256');
for (const file of sources.flatMap(files)) {
  hash.update(file);
  hash.update(fs.readFileSync(path.join(root, file)));
}
const current = hash.digest('hex');
const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';

if (built === current && fs.existsSync(path.join(dist, 'index.html'))) {
  console.log('web app: up to date (sources unchanged since the last build)');
} else {
  const result = spawnSync('npm', ['run', 'build', '-w', '@chuangcheng/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Brotli and gzip copies beside each file: the server sends them to browsers that accept them.
  const rows = compressDir(dist);
  const sum = (i) => rows.reduce((total, row) => total + row[i], 0);
  console.log(`web app: ${rows.length} files compressed, ${sum(1)} bytes → ${sum(2)} (br), ${sum(3)} (gzip)`);
  fs.writeFileSync(stamp, `${current}\n`);
}
