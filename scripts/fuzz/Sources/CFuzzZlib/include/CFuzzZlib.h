#include <stddef.h>
#include <stdint.h>

/// zlib's CRC-32 of `size` bytes.
uint32_t fuzz_crc32(const uint8_t *bytes, size_t size);

/// Raw deflate (no zlib header, as ZIP stores it) of `size` bytes into `out` (at most
/// `capacity` bytes); the compressed size, or -1 when it does not fit.
long fuzz_deflate_raw(const uint8_t *bytes, size_t size, uint8_t *out, size_t capacity);
