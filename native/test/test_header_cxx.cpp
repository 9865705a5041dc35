// Compiles tapi_abi.h as C++: extern "C" linkage and no C-only constructs.
#include "tapi_abi.h"

int main()
{
    return 0;
}
