// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the dashboard build, once at
// build time at the highest levels, so the server sends compressed bytes without compressing on
// every request (express-static-gzip picks the copy the browser accepts). Source maps are left
// alone: only developer tools fetch them.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

export function compressClient(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
