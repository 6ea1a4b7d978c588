// SHA-256 compression with the x86-64 SHA extensions (Intel SHA-NI, also on AMD Zen).
//
// The instructions keep the eight working variables in two vectors, ABEF and CDGH:
// `sha256rnds2` runs two rounds, `sha256msg1`/`sha256msg2` extend the message schedule
// four words at a time. The functions carry their own `target` attribute, so the package
// needs no global compiler flag and the rest of the program runs on any x86-64 CPU; they
// are called only after `cpuid` said the CPU has the instructions.
#include "CSHA256.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

int csha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1;
    int sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

/// The round constants K[0…63] (FIPS 180-4 §4.2.2).
static const uint32_t roundConstants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// Four rounds 4i…4i+3 with the schedule words `w` (W[4i…4i+3]): K + W, then two
// `sha256rnds2`, the second on the upper two words.
#define ROUNDS(i, w)                                                                           \
    do {                                                                                       \
        __m128i kw = _mm_add_epi32((w), _mm_load_si128((const __m128i *)&roundConstants[4 * (i)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);                                           \
        kw = _mm_shuffle_epi32(kw, 0x0E);                                                      \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, kw);                                           \
    } while (0)

// W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] for four t at once: `w0` holds
// W[t-16…], `w1` W[t-12…], `w2` W[t-8…], `w3` W[t-4…]; `w0` is replaced by W[t…t+3].
#define SCHEDULE(w0, w1, w2, w3)                                                               \
    (w0) = _mm_sha256msg2_epu32(                                                               \
        _mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_compress_hardware(uint32_t state[8], const void *blocks, size_t count) {
    // Byte order: each 32-bit word of the message is big-endian.
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    const unsigned char *block = (const unsigned char *)blocks;

    // H0…H3 and H4…H7 into the ABEF / CDGH layout the instructions use.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    while (count > 0) {
        const __m128i abefBefore = abef;
        const __m128i cdghBefore = cdgh;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 0)), byteSwap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16)), byteSwap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 32)), byteSwap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 48)), byteSwap);

        ROUNDS(0, w0);
        ROUNDS(1, w1);
        ROUNDS(2, w2);
        ROUNDS(3, w3);
        // Rounds 16…63: the four schedule vectors take turns being extended.
        for (int group = 4; group < 16; group += 4) {
            SCHEDULE(w0, w1, w2, w3);
            ROUNDS(group, w0);
            SCHEDULE(w1, w2, w3, w0);
            ROUNDS(group + 1, w1);
            SCHEDULE(w2, w3, w0, w1);
            ROUNDS(group + 2, w2);
            SCHEDULE(w3, w0, w1, w2);
            ROUNDS(group + 3, w3);
        }

        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
        block += 64;
        count -= 1;
    }

    // Back from ABEF / CDGH to H0…H7.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int csha256_hardware_available(void) { return 0; }

void csha256_compress_hardware(uint32_t state[8], const void *blocks, size_t count) {
    (void)state;
    (void)blocks;
    (void)count;
}

#endif
