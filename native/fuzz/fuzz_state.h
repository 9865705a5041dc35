/*
 * State and checks of the fuzz harness (harness.c decodes the input and calls the API;
 * checks.c keeps what each application holds and checks the switch against it).
 */
#ifndef TAPISIM_FUZZ_STATE_H
#define TAPISIM_FUZZ_STATE_H

#include "tapi_abi.h"
#include "tapisim.h"
#include "tapi_format.h"

#include <stddef.h>
#include <stdint.h>

#define MAX_INST  8
#define MAX_LINES 16
#define MAX_CALLS 64
#define MAX_REQS  256
#define SENTINEL  0xA5A5A5A5u

typedef struct {
    HLINE h;
    DWORD dev, version;
    DWORD_PTR inst;             /* dwCallbackInstance, unique in the input */
    int open;
} f_line;

typedef struct {
    HCALL h;
    int line;                   /* index in f_app.lines */
    int valid;                  /* not deallocated, line still open */
} f_call;

typedef struct {
    DWORD id;
    const char *fn;
    int line;
    HCALL call;                 /* call functions: the handle the request was made on */
    int outParam;               /* 1: the guard slot is the request's out-parameter */
    int isCompletion;
    int replies;
    LONG result;
    int exempt;                 /* no LINE_REPLY owed (exempt()) */
    int frozen;                 /* the slot may no longer change */
    DWORD snap;
} f_req;

typedef struct {
    HLINEAPP h;
    int live;
    f_line lines[MAX_LINES];
    int nlines;
    f_call calls[MAX_CALLS];
    int ncalls;
    f_req reqs[MAX_REQS];
    int nreqs;
} f_app;

extern f_app apps[MAX_INST];
extern int napps;
extern int slotApp[2];
extern DWORD guard[MAX_INST][MAX_REQS];
extern DWORD_PTR nextInst;
extern const uint8_t *in;
extern size_t inLen, inPos;
extern int stepNo;
extern const char *opName;

/* A finding: prints it (and with TAPISIM_FUZZ_TRACE set, the trace) and aborts. */
void finding(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void print_trace(void);
void exempt(f_app *a, int q);
void line_closed(f_app *a, int li);
int line_by_handle(const f_app *a, HLINE h);
void add_call(f_app *a, HCALL h, int li);
/* Records the result of an asynchronous function called with guard slot a->nreqs. */
void add_request(f_app *a, LONG r, const char *fn, int li, HCALL call, int outParam, int isCompletion);
void on_message(f_app *a, const LINEMESSAGE *m);
/* Reads every queued message of an application; returns how many. */
int drain(f_app *a);
/* tapisim_check and the guard slots. */
void check_all(void);
/* The live applications read their messages until no queue yields one. */
void settle(void);

/* Get structures: the (size, offset) pairs of their variable fields, and since which version. */
typedef struct { size_t size, offset; DWORD since; } f_field;
extern const f_field callInfoFields[], addressCapsFields[], devStatusFields[], devCapsFields[], noFields[];
/* A buffer of exactly dwTotalSize bytes (at least the dwTotalSize field), filled with a pattern. */
void *get_buffer(DWORD total);
/* Checks a Get function's result and the structure it filled, and frees the buffer. */
void check_get(const char *fn, LONG r, void *buf, DWORD total, const f_field *fields, DWORD version);

#endif /* TAPISIM_FUZZ_STATE_H */
