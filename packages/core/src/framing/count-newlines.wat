;; Counts the newline bytes (0x0a) in memory[ptr, ptr + len), 16 bytes at a time with SIMD.
;; The memory is shared: buffers made in it (sharedReadBuffers) are counted where they are, and
;; a worker may read them. Compiled by scripts/build-wasm.js into count-newlines-wasm.ts (run it
;; after changing this file).
(module
  (import "env" "memory" (memory 1 16384 shared))
  (func (export "count") (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $end i32) (local $blocks i32) (local $n i32) (local $newline v128)
    (local.set $newline (i8x16.splat (i32.const 10)))
    (local.set $i (local.get $ptr))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (local.set $blocks (i32.add (local.get $ptr) (i32.and (local.get $len) (i32.const -16))))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $blocks)))
        (local.set $n (i32.add (local.get $n)
          (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $i)) (local.get $newline))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (block $done
      (loop $byte
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $n (i32.add (local.get $n) (i32.eq (i32.load8_u (local.get $i)) (i32.const 10))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
    (local.get $n)))
