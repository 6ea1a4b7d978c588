// Hardware SHA-256 compression for PacteEvents' `SHA256`: the x86-64 SHA extensions
// (SHA-NI), chosen at run time. This target holds that and nothing else; everything else
// about SHA-256 (padding, lengths, digests, the portable fallback) is Swift.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 if this CPU runs `csha256_compress_hardware` (x86-64 with SHA, SSE4.1 and SSSE3, as
/// reported by `cpuid`), 0 otherwise (any other CPU or architecture).
int csha256_hardware_available(void);

/// Runs the SHA-256 compression function (FIPS 180-4 §6.2.2) over `count` consecutive
/// 64-byte blocks at `blocks` (no alignment needed), updating the eight words of `state`
/// (H0…H7, in that order). Call it only when `csha256_hardware_available()` returned 1:
/// elsewhere it leaves `state` unchanged.
void csha256_compress_hardware(uint32_t state[8], const void *blocks, size_t count);

#endif
