#include "CFuzzZlib.h"
#include <zlib.h>

uint32_t fuzz_crc32(const uint8_t *bytes, size_t size) {
    return (uint32_t)crc32(0L, bytes, (uInt)size);
}

long fuzz_deflate_raw(const uint8_t *bytes, size_t size, uint8_t *out, size_t capacity) {
    z_stream stream = {0};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    stream.next_in = (Bytef *)bytes;
    stream.avail_in = (uInt)size;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int status = deflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? written : -1;
}
