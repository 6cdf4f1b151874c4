// Types of build-wasm.js, for the test that checks the committed binaries against their source.

/** The binary of a .wat file; with `privateMemory`, its shared memory import made unshared. */
export function compileWat(path: string, options?: { privateMemory?: boolean }): Promise<Buffer>;
/** The TypeScript module for the two binaries. */
export function wasmModuleSource(shared: Buffer, unshared: Buffer): string;
