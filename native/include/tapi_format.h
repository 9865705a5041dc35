/*
 * printf conversions for DWORD and the 32-bit TAPI handles, in the style of <inttypes.h>:
 * printf("hLine=0x%08" PRIXDW " device %" PRIuDW "\n", hLine, dwDeviceID).
 * Windows declares DWORD as unsigned long, the portable header (tapi_abi.h) as uint32_t;
 * both are 32 bits, but printf needs to be told which type it gets.
 */
#ifndef TAPI_FORMAT_H
#define TAPI_FORMAT_H

#ifdef _WIN32
#define PRIuDW "lu"
#define PRIxDW "lx"
#define PRIXDW "lX"
#else
#define PRIuDW "u"
#define PRIxDW "x"
#define PRIXDW "X"
#endif

#endif /* TAPI_FORMAT_H */
