// The declaration in include/CLibFuzzer.h is all there is; the definition comes with -sanitize=fuzzer.
#include "CLibFuzzer.h"
