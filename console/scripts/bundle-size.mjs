// Prints the console's initial JavaScript (the entry chunk and every chunk it imports statically), gzipped,
// from Vite's manifest, and fails the build above the budget (issue 18: 300 KB gzipped). Lazily loaded chunks
// (ECharts) are listed apart.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
const gz = (file) => gzipSync(readFileSync(new URL(file, dist))).length;
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const initialBytes = [...initial].reduce((sum, file) => sum + gz(file), 0);
const lazy = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js') && !initial.has(c.file))
  .map((c) => `${c.file} ${kb(gz(c.file))}`);
console.log(`console initial JavaScript: ${kb(initialBytes)} gzipped (budget ${kb(BUDGET)})`);
if (lazy.length) console.log(`loaded on demand: ${lazy.join(', ')}`);
if (initialBytes > BUDGET) {
  console.error('the console initial JavaScript is over budget');
  process.exit(1);
}
