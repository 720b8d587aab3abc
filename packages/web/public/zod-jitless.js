// The Content-Security-Policy forbids eval (docs/decisions/0020). zod probes `new Function` while
// its schemas are built, which browsers report as a CSP violation (zod then falls back anyway).
// zod reads this global configuration; a classic script runs before the app's module scripts.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
