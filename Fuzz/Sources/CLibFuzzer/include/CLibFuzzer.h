#ifndef SALVO_CLIBFUZZER_H
#define SALVO_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, linked in by -sanitize=fuzzer. SwiftPM links executables with
// `--defsym main=<module>_main`, so libFuzzer's own main is never used: salvo-fuzz calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
