// Types of build-wasm.js, for the test that checks the committed binary against its source.

/** The binary of a .wat file (SIMD enabled). */
export function compileWat(path: string): Promise<Buffer>;
/** The TypeScript module for `binary`. */
export function wasmModuleSource(binary: Buffer): string;
