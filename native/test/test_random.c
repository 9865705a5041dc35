/*
 * Randomized model-based test of the simulator: seeded sequences of operations (make, complete
 * in every mode, uncomplete, answer, drop, deallocate, station changes, clock advances, open,
 * close, initialise, shutdown, options) checked after every step against invariants:
 *   - the switch's self-check (tapisim_check): handles reachable, no completion ID live twice
 *     on a device, dwNumCallCompletions equal to the live entries, no unreachable call kept;
 *   - no message about a handle the app no longer holds, and dwCallbackInstance always the
 *     instance of the line the message is about;
 *   - every request ID gets exactly one LINE_REPLY (none for unknown IDs), unless the app shut
 *     down or the request's line was closed before the reply.
 * A failure prints the seed and step; `test_random SEED` replays one sequence.
 */
#include "sim_test.h"

#define SEQUENCES 1000
#define STEPS     160
#define MAX_APPS  3
#define MAX_LINES 12
#define MAX_CALLS 64
#define MAX_REQS  512

typedef struct {
    HLINE line;
    DWORD_PTR inst;             /* its dwCallbackInstance, unique in the sequence */
    DWORD version;
} held_line;

typedef struct {
    HCALL call;
    HLINE line;
} held_call;

typedef struct {
    DWORD id;
    HLINE line;
    HCALL call;                 /* for call functions */
    int replies;
    int exempt;                 /* its line closed (or, before 2.0, its call deallocated) first */
} request;

typedef struct {
    HLINEAPP h;
    held_line lines[MAX_LINES];
    int nlines;
    held_call calls[MAX_CALLS];
    int ncalls;
    request reqs[MAX_REQS];
    int nreqs;
} model_app;

static model_app apps[MAX_APPS];
static unsigned rng;
static DWORD literal_delivery; /* the error_delivery option last set */
static DWORD_PTR next_inst;
static unsigned seed_now;
static int step_now;
static int seq_failed;

static unsigned next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) & 0x7FFF;
}

static unsigned pick(unsigned n)
{
    return n ? next_rand() % n : 0;
}

#define INVARIANT(cond, ...) do { if (!(cond)) { if (!seq_failed) { \
    fprintf(stderr, "FAIL seed %u step %d: ", seed_now, step_now); fprintf(stderr, __VA_ARGS__); \
    fputc('\n', stderr); } seq_failed = 1; } } while (0)

static held_line *find_line(model_app *a, HLINE h)
{
    for (int i = 0; i < a->nlines; i++)
        if (a->lines[i].line == h)
            return &a->lines[i];
    return NULL;
}

static int find_call(model_app *a, HCALL h)
{
    for (int i = 0; i < a->ncalls; i++)
        if (a->calls[i].call == h)
            return i;
    return -1;
}

static void add_call(model_app *a, HCALL h, HLINE line)
{
    if (find_call(a, h) >= 0)
        return;
    INVARIANT(a->ncalls < MAX_CALLS, "too many calls held");
    if (a->ncalls < MAX_CALLS)
        a->calls[a->ncalls++] = (held_call){ h, line };
}

static void remove_call(model_app *a, int i)
{
    a->calls[i] = a->calls[--a->ncalls];
}

static void add_request(model_app *a, LONG r, HLINE line, HCALL call)
{
    if (r <= 0)
        return;
    for (int i = 0; i < a->nreqs; i++)
        INVARIANT(a->reqs[i].id != (DWORD)r || a->reqs[i].replies > 0 || a->reqs[i].exempt,
                  "request ID 0x%" PRIXDW " reused while outstanding", (DWORD)r);
    if (a->nreqs < MAX_REQS)
        a->reqs[a->nreqs++] = (request){ (DWORD)r, line, call, 0, 0 };
}

/* Reads every queued message of an app and checks it against what the app holds. */
static void drain_checked(model_app *a)
{
    LINEMESSAGE m;
    while (lineGetMessage(a->h, &m, 0) == 0) {
        switch (m.dwMessageID) {
        case LINE_REPLY: {
            request *q = NULL;
            for (int i = 0; i < a->nreqs; i++)
                if (a->reqs[i].id == (DWORD)m.dwParam1)
                    q = &a->reqs[i];
            INVARIANT(q != NULL, "LINE_REPLY for unknown request 0x%" PRIXDW, (DWORD)m.dwParam1);
            if (q != NULL) {
                q->replies++;
                INVARIANT(q->replies == 1, "second LINE_REPLY for request 0x%" PRIXDW, q->id);
                held_line *l = find_line(a, q->line);
                INVARIANT(l == NULL || m.dwCallbackInstance == l->inst, "LINE_REPLY instance");
            }
            INVARIANT(m.hDevice == 0, "LINE_REPLY hDevice");
            break;
        }
        case LINE_APPNEWCALL: {
            held_line *l = find_line(a, m.hDevice);
            INVARIANT(l != NULL, "LINE_APPNEWCALL on a line not held");
            INVARIANT(l == NULL || m.dwCallbackInstance == l->inst, "LINE_APPNEWCALL instance");
            add_call(a, (HCALL)m.dwParam2, m.hDevice);
            break;
        }
        case LINE_CALLSTATE:
        case LINE_CALLINFO: {
            if (m.dwMessageID == LINE_CALLSTATE && m.dwParam3 != 0 && find_call(a, m.hDevice) < 0) {
                /* 1.x announcement: the instance names the line */
                for (int l = 0; l < a->nlines; l++)
                    if (a->lines[l].inst == m.dwCallbackInstance)
                        add_call(a, m.hDevice, a->lines[l].line);
            }
            int i = find_call(a, m.hDevice);
            INVARIANT(i >= 0, "message %" PRIuDW " about call 0x%" PRIXDW " not held", m.dwMessageID, m.hDevice);
            if (i >= 0) {
                held_line *l = find_line(a, a->calls[i].line);
                INVARIANT(l != NULL && m.dwCallbackInstance == l->inst, "call message instance");
            }
            break;
        }
        case LINE_LINEDEVSTATE:
        case LINE_CLOSE: {
            held_line *l = find_line(a, m.hDevice);
            INVARIANT(l != NULL, "line message on a line not held");
            INVARIANT(l == NULL || m.dwCallbackInstance == l->inst, "line message instance");
            break;
        }
        default:
            INVARIANT(0, "unexpected message %" PRIuDW, m.dwMessageID);
        }
    }
}

static model_app *random_app(void)
{
    model_app *live[MAX_APPS];
    int n = 0;
    for (int i = 0; i < MAX_APPS; i++)
        if (apps[i].h)
            live[n++] = &apps[i];
    return n ? live[pick((unsigned)n)] : NULL;
}

static const char *const numbers[] = { "100", "101", "102", "103", "201", "202", "203" };

static void step(void)
{
    model_app *a = random_app();
    unsigned op = pick(20);
    if (a == NULL)
        op = 0;
    switch (op) {
    case 0: { /* initialise */
        for (int i = 0; i < MAX_APPS; i++)
            if (!apps[i].h) {
                memset(&apps[i], 0, sizeof apps[i]);
                apps[i].h = init_app("random");
                break;
            }
        break;
    }
    case 1: /* shutdown (rare) */
        if (pick(4) == 0) {
            CHECK_EQ(lineShutdown(a->h), 0);
            a->h = 0;
        }
        break;
    case 2: case 3: { /* open */
        if (a->nlines >= MAX_LINES)
            break;
        static const DWORD versions[] = { 0x00010004, 0x00020000, 0x00030001 };
        static const DWORD privs[] = { LINECALLPRIVILEGE_OWNER, LINECALLPRIVILEGE_MONITOR,
                                       LINECALLPRIVILEGE_OWNER | LINECALLPRIVILEGE_MONITOR,
                                       LINECALLPRIVILEGE_NONE };
        DWORD ver = versions[pick(3)], priv = privs[pick(4)];
        HLINE h = 0;
        DWORD media = (priv & LINECALLPRIVILEGE_OWNER) ? LINEMEDIAMODE_INTERACTIVEVOICE : 0;
        DWORD_PTR inst = ++next_inst;
        LONG r = lineOpenW(a->h, pick(4), &h, ver, 0, inst, priv, media, NULL);
        CHECK_EQ(r, 0);
        if (r != 0)
            break;
        a->lines[a->nlines++] = (held_line){ h, inst, ver };
        CHECK_EQ(lineSetStatusMessages(h, LINEDEVSTATE_NUMCOMPLETIONS | LINEDEVSTATE_COMPLCANCEL
                                          | LINEDEVSTATE_RINGING | LINEDEVSTATE_MSGWAITON, 0), 0);
        break;
    }
    case 4: { /* close */
        if (a->nlines == 0)
            break;
        int i = (int)pick((unsigned)a->nlines);
        HLINE h = a->lines[i].line;
        CHECK_EQ(lineClose(h), 0);
        a->lines[i] = a->lines[--a->nlines];
        for (int c = a->ncalls - 1; c >= 0; c--)
            if (a->calls[c].line == h)
                remove_call(a, c);
        for (int q = 0; q < a->nreqs; q++)
            if (a->reqs[q].line == h && a->reqs[q].replies == 0)
                a->reqs[q].exempt = 1;
        break;
    }
    case 5: case 6: case 7: { /* make a call */
        if (a->nlines == 0)
            break;
        held_line *l = &a->lines[pick((unsigned)a->nlines)];
        HCALL c = 0;
        LONG r = make_call(l->line, numbers[pick(7)], &c);
        /* With literal error delivery the switch's refusal (CALLUNAVAIL) is the result. */
        INVARIANT(r > 0 || (literal_delivery && r == (LONG)LINEERR_CALLUNAVAIL),
                  "lineMakeCallW returned 0x%" PRIXDW, (DWORD)r);
        if (r < 0)
            break;
        add_request(a, r, l->line, 0);
        if (c != 0)
            add_call(a, c, l->line);
        break;
    }
    case 8: case 9: case 10: { /* complete */
        if (a->ncalls == 0)
            break;
        held_call *c = &a->calls[pick((unsigned)a->ncalls)];
        static const DWORD modes[] = { 1, 2, 4, 8, 3, 0 };
        /* The switch writes the ID when it answers, later: the memory must outlive this call,
         * as TAPI requires of an application. */
        static DWORD ids[STEPS];
        LONG r = lineCompleteCall(c->call, &ids[step_now], modes[pick(6)], pick(4));
        add_request(a, r, c->line, c->call);
        break;
    }
    case 11: { /* uncomplete */
        if (a->nlines == 0)
            break;
        held_line *l = &a->lines[pick((unsigned)a->nlines)];
        LONG r = lineUncompleteCall(l->line, pick(8));
        add_request(a, r, l->line, 0);
        break;
    }
    case 12: { /* answer or drop */
        if (a->ncalls == 0)
            break;
        held_call *c = &a->calls[pick((unsigned)a->ncalls)];
        LONG r = pick(2) ? lineAnswer(c->call, NULL, 0) : lineDrop(c->call, NULL, 0);
        add_request(a, r, c->line, c->call);
        break;
    }
    case 13: { /* deallocate */
        if (a->ncalls == 0)
            break;
        int i = (int)pick((unsigned)a->ncalls);
        HCALL h = a->calls[i].call;
        held_line *l = find_line(a, a->calls[i].line);
        if (lineDeallocateCall(h) == 0) {
            remove_call(a, i);
            for (int q = 0; l && l->version < 0x00020000 && q < a->nreqs; q++)
                if (a->reqs[q].call == h && a->reqs[q].replies == 0)
                    a->reqs[q].exempt = 1; /* before 2.0 its replies are suppressed */
        }
        break;
    }
    case 14: case 15: /* station */
        CHECK_EQ(tapisim_set_station(numbers[pick(7)], pick(4)), 0);
        break;
    case 16: case 17: { /* clock */
        static const DWORD steps[] = { 0, 500, 2000, 3000, 20000, 45u * 60u * 1000u };
        CHECK_EQ(tapisim_advance(steps[pick(6)]), 0);
        break;
    }
    case 18: /* look at messages */
        drain_checked(a);
        break;
    case 19: { /* options */
        static const char *const names[] = { "error_delivery", "reuse_freed_ids",
                                             "strict_completion_owner", "allow_proceeding" };
        DWORD value = pick(2); /* before pick(4), as gcc drew them when this was one call */
        int which = (int)pick(4);
        CHECK_EQ(tapisim_set_option(names[which], value), 0);
        if (which == 0)
            literal_delivery = value;
        break;
    }
    }
    char why[256];
    INVARIANT(tapisim_check(why, sizeof why) == 0, "tapisim_check: %s", why);
}

static int run_sequence(unsigned seed)
{
    tapisim_reset();
    memset(apps, 0, sizeof apps);
    literal_delivery = 0;
    rng = seed;
    seed_now = seed;
    seq_failed = 0;
    int before = t_failed;
    for (step_now = 0; step_now < STEPS && !seq_failed; step_now++)
        step();
    /* Settle: every live request must have exactly one reply now. */
    for (int i = 0; i < MAX_APPS; i++)
        if (apps[i].h)
            drain_checked(&apps[i]);
    for (int i = 0; i < MAX_APPS && !seq_failed; i++)
        for (int q = 0; apps[i].h && q < apps[i].nreqs; q++)
            INVARIANT(apps[i].reqs[q].exempt || apps[i].reqs[q].replies == 1,
                      "request 0x%" PRIXDW " got %d replies", apps[i].reqs[q].id, apps[i].reqs[q].replies);
    if (seq_failed) {
        fprintf(stderr, "  replay with: test_random %u\n", seed);
        if (getenv("TAPISIM_TRACE_ON_FAILURE")) {
            char *t = trace_text();
            if (t != NULL) {
                size_t n = strlen(t);
                fputs(n > 200000 ? t + n - 200000 : t, stderr);
                free(t);
            }
        }
    }
    return !seq_failed && t_failed == before;
}

int main(int argc, char **argv)
{
    t_current = "random";
    if (argc > 1) {
        unsigned seed = (unsigned)strtoul(argv[1], NULL, 10);
        int ok = run_sequence(seed);
        printf("%d passed, %d failed\n", ok, !ok);
        return ok ? 0 : 1;
    }
    int passed = 0, failed = 0;
    for (unsigned seed = 1; seed <= SEQUENCES; seed++) {
        if (run_sequence(seed))
            passed++;
        else
            failed++;
    }
    tapisim_reset();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
