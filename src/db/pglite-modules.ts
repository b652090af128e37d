// PGlite's two WebAssembly modules (the server and initdb), compiled once per process and kept.
// Left to itself PGlite compiles both for every instance and V8 frees the code when the instance
// is collected; that create/free churn is the known trigger of a V8 crash in its JIT page
// bookkeeping (nodejs/node#64500: "Check failed: jit_page_->allocations_.erase(addr) == 1", seen
// here in test files that open many PGlite databases). Compiled once, the code lives as long as
// the process, and every later instance starts without compiling (about a second each).
import { readFile } from 'node:fs/promises';

export interface PgliteModules {
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
}

let compiled: Promise<PgliteModules> | undefined;

async function compile(name: string): Promise<WebAssembly.Module> {
  // The files sit beside the package's entry point, where PGlite itself looks for them.
  return WebAssembly.compile(await readFile(new URL(name, import.meta.resolve('@electric-sql/pglite'))));
}

/** The compiled modules, shared by every PGlite database this process opens. */
export function pgliteModules(): Promise<PgliteModules> {
  compiled ??= Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]).then(([pgliteWasmModule, initdbWasmModule]) => ({
    pgliteWasmModule,
    initdbWasmModule,
  }));
  return compiled;
}
