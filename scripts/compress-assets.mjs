// Writes `<file>.br` and `<file>.gz` beside every compressible file of the built web app, so the
// server sends them as they are (@fastify/static `preCompressed`) instead of compressing each
// request. Run by build-web.mjs after every build; `node scripts/compress-assets.mjs <dir>` by hand.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

/** Compresses every file worth it below `dir`; returns [file, raw bytes, br bytes, gzip bytes] rows. */
export function compressDir(dir) {
  const rows = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = zlib.gzipSync(raw, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    rows.push([path.relative(dir, file), raw.length, br.length, gz.length]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/compress-assets.mjs <dir>');
    process.exit(2);
  }
  const rows = compressDir(dir);
  const sum = (i) => rows.reduce((total, row) => total + row[i], 0);
  console.log(`compressed ${rows.length} files: ${sum(1)} bytes raw, ${sum(2)} br, ${sum(3)} gzip`);
}
