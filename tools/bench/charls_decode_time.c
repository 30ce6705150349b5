// Times CharLS 2.x decoding one bare JPEG-LS codestream: median of the timed runs after a warm-up,
// to compare with dev.attest.dicom.codec.jpegls.JpegLsDecodeBenchmark on the same machine.
//
//   apt-get install libcharls-dev
//   gcc -O2 -o /tmp/charls_decode_time tools/bench/charls_decode_time.c -lcharls
//   /tmp/charls_decode_time frame.jls [warm-up] [runs]
//
// A codestream can be cut from a single-fragment DICOM file from its first FFD8FF to its last FFD9.
#include <charls/charls.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int compare(const void* a, const void* b) {
    double x = *(const double*) a, y = *(const double*) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s stream.jls [warm-up] [runs]\n", argv[0]);
        return 2;
    }
    int warmUp = argc > 2 ? atoi(argv[2]) : 50;
    int runs = argc > 3 ? atoi(argv[3]) : 100;
    FILE* f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char* source = malloc(n);
    if (fread(source, 1, n, f) != (size_t) n) {
        return 2;
    }
    fclose(f);
    double* ms = malloc(sizeof(double) * runs);
    size_t size = 0;
    void* destination = NULL;
    for (int i = 0; i < warmUp + runs; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        charls_jpegls_decoder* decoder = charls_jpegls_decoder_create();
        charls_jpegls_errc error = charls_jpegls_decoder_set_source_buffer(decoder, source, n);
        if (!error) {
            error = charls_jpegls_decoder_read_header(decoder);
        }
        if (!error && !destination) {
            error = charls_jpegls_decoder_get_destination_size(decoder, 0, &size);
            destination = malloc(size);
        }
        if (!error) {
            error = charls_jpegls_decoder_decode_to_buffer(decoder, destination, size, 0);
        }
        charls_jpegls_decoder_destroy(decoder);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (error) {
            fprintf(stderr, "CharLS error %d\n", error);
            return 1;
        }
        if (i >= warmUp) {
            ms[i - warmUp] = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
        }
    }
    qsort(ms, runs, sizeof(double), compare);
    printf("CharLS %s, %s: median %.3f ms, fastest %.3f ms, 90th percentile %.3f ms over %d runs after %d warm-up\n",
           charls_get_version_string(), argv[1], ms[runs / 2], ms[0], ms[runs * 9 / 10], runs, warmUp);
    return 0;
}
