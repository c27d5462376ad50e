import v8 from 'node:v8';

// After each full collection V8 lets the heap grow by a factor it picks from how fast it collects against how fast the
// process allocates: under load, up to four times what was live. V8 reads this flag at every collection, so setting
// it once the process runs takes effect from the next one. Process-wide; null leaves V8's own choice.
export function limitHeapGrowth(percent: number | null) {
  if (percent !== null) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
