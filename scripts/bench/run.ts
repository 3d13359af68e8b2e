/**
 * npm run bench [-- …]: the build's benchmark (build-bench.ts), or with --dev the
 * preview's (dev-bench.ts). Each file says what it measures and takes.
 */
await import(process.argv.includes('--dev') ? './dev-bench.ts' : './build-bench.ts');

export {};
