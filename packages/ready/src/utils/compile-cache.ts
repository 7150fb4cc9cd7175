import * as nodeModule from 'node:module';

/**
 * Imported first by every entry point (executors, generators, the plugin), so that what they load
 * next (the plugin's modules, TypeScript through ts-morph) is compiled from V8's code cache on the
 * next run: Node's module compile cache, Node ≥ 22.1. On older Node it is not there and nothing
 * changes. The cache lives where Node puts it (NODE_COMPILE_CACHE, else the OS temp folder), is
 * checked against each file's content, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enable === 'function') {
  try {
    enable();
  } catch {
    // A cache that cannot be written (read-only temp) only costs speed.
  }
}
