// Node keeps V8's compiled code of each module on disk (its module compile cache, Node ≥ 22.1) and
// reuses it while the module's source is unchanged; a start then compiles only what changed. With
// tsx the cache holds the compiled JavaScript tsx produced. Measured importing the web app on the
// 2-core machine: about 15 % less CPU. The directory is NODE_COMPILE_CACHE when set, else one in
// the system's temporary directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from 'node:module';

/** Turns the cache on for every module loaded from now on: call it before importing the rest. */
export function enableModuleCompileCache(): void {
  module.enableCompileCache?.();
}
