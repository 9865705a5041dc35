/*
 * LINECALLPARAMS: every field checked by lineMakeCallW and lineOpenW (LINEMAPPER), each error
 * on the path real TAPI uses: tapisrv's checks of the structure are function results, the
 * provider's checks against the line's caps arrive in LINE_REPLY (or as the result, with the
 * "error_delivery" option at 1). The caps the checks use are the caps the line reports.
 */
#include "sim_test.h"

#define V14 0x00010004u
#define V20 0x00020000u
#define V31 0x00030001u

#define FIXED_1X 112u /* LINECALLPARAMS up to dwDevSpecificOffset */
#define FIXED_20 176u /* up to dwCallingPartyIDOffset */

/* A LINECALLPARAMS with room for variable fields after the fixed part of a version. */
typedef struct {
    union {
        LINECALLPARAMS cp;
        unsigned char b[512];
    } u;
    DWORD used;
} params;

static LINECALLPARAMS *params_init(params *p, DWORD fixed)
{
    memset(p, 0, sizeof *p);
    p->u.cp.dwTotalSize = (DWORD)sizeof p->u.b;
    p->used = fixed;
    return &p->u.cp;
}

static void put(params *p, const void *data, DWORD size, DWORD *sizeField, DWORD *offsetField)
{
    memcpy(p->u.b + p->used, data, size);
    *sizeField = size;
    *offsetField = p->used;
    p->used += (size + 3u) & ~3u;
}

static void put_wstr(params *p, const char *s, DWORD *sizeField, DWORD *offsetField)
{
    WCHAR w[64];
    to_wide(s, w, 64);
    put(p, w, (DWORD)((strlen(s) + 1) * sizeof(WCHAR)), sizeField, offsetField);
}

static const WCHAR k_dest[] = { '2', '0', '1', 0 };

/* Refused by tapisrv: the result, no request, no message, *lphCall untouched. */
static void expect_sync(HLINEAPP app, HLINE line, LINECALLPARAMS *cp, LONG err)
{
    HCALL call = 0xDEAD;
    CHECK_ERR(lineMakeCallW(line, &call, k_dest, 0, cp), err);
    CHECK_EQ(call, 0xDEAD);
    EXPECT_NO_MSG(app);
}

/* Refused by the provider: a request ID, then LINE_REPLY with the error. */
static void expect_reply(HLINEAPP app, HLINE line, LINECALLPARAMS *cp, LONG err)
{
    HCALL call = 0xDEAD;
    LONG req = lineMakeCallW(line, &call, k_dest, 0, cp);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)err, 0);
    CHECK_EQ(call, 0xDEAD);
    EXPECT_NO_MSG(app);
}

/* Accepted: LINE_REPLY(0) and a call; the call is dropped again. */
static void expect_ok(HLINEAPP app, HLINE line, LINECALLPARAMS *cp)
{
    HCALL call = 0;
    LONG req = lineMakeCallW(line, &call, k_dest, 0, cp);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    CHECK(call != 0);
    if (call != 0) {
        CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
        CHECK(lineDrop(call, NULL, 0) > 0);
        drain(app);
        CHECK_EQ(lineDeallocateCall(call), 0);
    }
    drain(app);
}

static LINEDEVCAPS dev_caps(HLINEAPP app)
{
    LINEDEVCAPS dc;
    memset(&dc, 0, sizeof dc);
    dc.dwTotalSize = sizeof dc;
    CHECK_EQ(lineGetDevCapsW(app, 0, V31, 0, &dc), 0);
    return dc;
}

static LINEADDRESSCAPS address_caps(HLINEAPP app)
{
    LINEADDRESSCAPS ac;
    memset(&ac, 0, sizeof ac);
    ac.dwTotalSize = sizeof ac;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &ac), 0);
    return ac;
}

/* ---- the caps the checks use -------------------------------------------------------------- */

TEST(devcaps_report_the_rate_and_dial_params_lineMakeCall_checks_against)
{
    HLINEAPP app = init_app("caps");
    LINEDEVCAPS dc = dev_caps(app);
    CHECK_EQ(dc.dwBearerModes, LINEBEARERMODE_VOICE);
    CHECK(dc.dwMaxRate > 0);
    const LINEDIALPARAMS *lo = &dc.MinDialParams, *hi = &dc.MaxDialParams, *def = &dc.DefaultDialParams;
    CHECK(lo->dwDialPause > 0 && lo->dwDialPause <= def->dwDialPause && def->dwDialPause <= hi->dwDialPause);
    CHECK(lo->dwDialSpeed > 0 && lo->dwDialSpeed <= def->dwDialSpeed && def->dwDialSpeed <= hi->dwDialSpeed);
    CHECK(lo->dwDigitDuration > 0 && lo->dwDigitDuration <= def->dwDigitDuration
          && def->dwDigitDuration <= hi->dwDigitDuration);
    CHECK(lo->dwWaitForDialtone > 0 && lo->dwWaitForDialtone <= def->dwWaitForDialtone
          && def->dwWaitForDialtone <= hi->dwWaitForDialtone);
}

/* ---- dwBearerMode -------------------------------------------------------------------------- */

TEST(make_call_data_bearer_mode_is_bearermodeunavail_in_reply)
{
    HLINEAPP app = init_app("bm");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    CHECK(!(dev_caps(app).dwBearerModes & LINEBEARERMODE_DATA));
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwBearerMode = LINEBEARERMODE_DATA;
    expect_reply(app, line, cp, LINEERR_BEARERMODEUNAVAIL);
    cp->dwBearerMode = LINEBEARERMODE_RESTRICTEDDATA; /* defined from 2.0 */
    expect_reply(app, line, cp, LINEERR_BEARERMODEUNAVAIL);
    cp->dwBearerMode = LINEBEARERMODE_VOICE;
    expect_ok(app, line, cp);
    cp->dwBearerMode = 0; /* VOICE */
    expect_ok(app, line, cp);
}

TEST(make_call_two_bearer_modes_or_an_undefined_one_is_invalbearermode_sync)
{
    HLINEAPP app = init_app("bm2");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    HLINE old = open_line(app, 1, V14, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwBearerMode = LINEBEARERMODE_VOICE | LINEBEARERMODE_DATA;
    expect_sync(app, line, cp, LINEERR_INVALBEARERMODE);
    expect_sync(app, old, cp, LINEERR_INVALBEARERMODE);
    cp->dwBearerMode = 0x00000100u;
    expect_sync(app, line, cp, LINEERR_INVALBEARERMODE);
    cp->dwBearerMode = LINEBEARERMODE_RESTRICTEDDATA; /* not defined for 1.4 */
    expect_sync(app, old, cp, LINEERR_INVALBEARERMODE);
    cp->dwBearerMode = LINEBEARERMODE_PASSTHROUGH; /* defined for 1.4, not offered */
    expect_reply(app, old, cp, LINEERR_BEARERMODEUNAVAIL);
}

/* ---- dwMinRate / dwMaxRate ------------------------------------------------------------------ */

TEST(make_call_min_rate_above_max_rate_is_invalrate_in_reply)
{
    HLINEAPP app = init_app("rate");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    DWORD max = dev_caps(app).dwMaxRate;
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwMinRate = 9600;
    cp->dwMaxRate = 2400;
    expect_reply(app, line, cp, LINEERR_INVALRATE);
    cp->dwMinRate = max + 1; /* dwMaxRate 0: the device's maximum */
    cp->dwMaxRate = 0;
    expect_reply(app, line, cp, LINEERR_INVALRATE);
    cp->dwMaxRate = max + 1000; /* a valid range, but none of it available */
    expect_reply(app, line, cp, LINEERR_RATEUNAVAIL);
    cp->dwMinRate = 2400; /* reaches into the device's rates */
    expect_ok(app, line, cp);
    cp->dwMinRate = cp->dwMaxRate = max;
    expect_ok(app, line, cp);
}

/* ---- dwMediaMode ---------------------------------------------------------------------------- */

TEST(make_call_undefined_or_several_media_modes_are_invalmediamode_on_tapisrvs_path)
{
    HLINEAPP app = init_app("mm");
    HLINE l31 = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    HLINE l20 = open_line(app, 1, V20, LINECALLPRIVILEGE_NONE, 0);
    HLINE l14 = open_line(app, 2, V14, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwMediaMode = 0x00010000u; /* no LINEMEDIAMODE_ constant */
    expect_sync(app, l31, cp, LINEERR_INVALMEDIAMODE);
    cp->dwMediaMode = LINEMEDIAMODE_VIDEO; /* defined from 2.1 only */
    expect_sync(app, l14, cp, LINEERR_INVALMEDIAMODE);
    expect_reply(app, l31, cp, LINEERR_INVALMEDIAMODE); /* defined, not offered */
    cp->dwMediaMode = LINEMEDIAMODE_INTERACTIVEVOICE | LINEMEDIAMODE_DATAMODEM;
    expect_sync(app, l20, cp, LINEERR_INVALMEDIAMODE); /* tapisrv: one bit up to 2.1 */
    expect_reply(app, l31, cp, LINEERR_INVALMEDIAMODE); /* later versions: the provider's call */
    cp->dwMediaMode = LINEMEDIAMODE_DATAMODEM;
    expect_ok(app, l31, cp);
}

/* ---- dwCallParamFlags ----------------------------------------------------------------------- */

TEST(make_call_undefined_call_param_flags_are_invalcallparams_sync)
{
    HLINEAPP app = init_app("flags");
    HLINE l31 = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    HLINE l14 = open_line(app, 1, V14, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwCallParamFlags = 0x00000100u;
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    cp->dwCallParamFlags = 0x80000000u;
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    cp->dwCallParamFlags = LINECALLPARAMFLAGS_NOHOLDCONFERENCE; /* defined from 2.0 */
    expect_sync(app, l14, cp, LINEERR_INVALCALLPARAMS);
    expect_ok(app, l31, cp);
    cp->dwCallParamFlags = LINECALLPARAMFLAGS_SECURE | LINECALLPARAMFLAGS_BLOCKID;
    expect_ok(app, l14, cp);
}

TEST(make_call_idle_flag_on_a_line_in_use_is_callunavail_in_reply)
{
    HLINEAPP app = init_app("idle");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwCallParamFlags = LINECALLPARAMFLAGS_IDLE;
    expect_ok(app, line, cp); /* the line is idle */
    HCALL first = 0;
    CHECK(make_call(line, "202", &first) > 0);
    drain(app);
    expect_reply(app, line, cp, LINEERR_CALLUNAVAIL);
    cp->dwCallParamFlags = 0;
    expect_ok(app, line, cp); /* without IDLE a second call is fine */
}

/* ---- dwAddressMode / dwAddressID ------------------------------------------------------------ */

TEST(make_call_undefined_address_mode_is_invaladdressmode_sync)
{
    HLINEAPP app = init_app("am");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwAddressMode = 4;
    expect_sync(app, line, cp, LINEERR_INVALADDRESSMODE);
    cp->dwAddressMode = LINEADDRESSMODE_DIALABLEADDR; /* defined, not offered by the line */
    expect_reply(app, line, cp, LINEERR_INVALADDRESSMODE);
    cp->dwAddressMode = 0; /* ADDRESSID */
    cp->dwAddressID = 1;
    expect_reply(app, line, cp, LINEERR_INVALADDRESSID);
}

/* ---- variable fields ------------------------------------------------------------------------ */

TEST(make_call_variable_field_outside_total_size_is_invalcallparams_sync)
{
    HLINEAPP app = init_app("var");
    HLINE l31 = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    HLINE l14 = open_line(app, 1, V14, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwTotalSize = 200;
    cp->dwDevSpecificSize = 24; /* 190 + 24 > 200 */
    cp->dwDevSpecificOffset = 190;
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    cp->dwDevSpecificOffset = 176; /* 176 + 24 = 200: fits, but 176 is inside the 3.1 fixed part */
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    cp->dwDevSpecificOffset = 0xFFFFFFF0u; /* offset + size wraps around */
    cp->dwDevSpecificSize = 0x20;
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    cp->dwDevSpecificSize = 0; /* no field: the offset does not matter */
    expect_ok(app, l31, cp);
    cp->dwCommentSize = 8;
    cp->dwCommentOffset = 196;
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    /* A 1.x application's bad Comment is forgiven (tapisrv drops the field), other fields are not. */
    expect_ok(app, l14, cp);
    cp->dwCommentSize = 0;
    cp->dwCallingPartyIDSize = 8; /* 2.0 field */
    cp->dwCallingPartyIDOffset = 300;
    expect_sync(app, l31, cp, LINEERR_INVALCALLPARAMS);
    expect_ok(app, l14, cp); /* a 1.4 structure has no such field */
    cp->dwCallingPartyIDSize = 0;
    cp->dwUserUserInfoSize = 4;
    cp->dwUserUserInfoOffset = 100; /* inside the fixed part even for 1.4 */
    expect_sync(app, l14, cp, LINEERR_INVALCALLPARAMS);
}

TEST(make_call_undefined_predictive_states_or_address_type_are_invalcallparams_sync)
{
    HLINEAPP app = init_app("pats");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwPredictiveAutoTransferStates = 0x00010000u;
    expect_sync(app, line, cp, LINEERR_INVALCALLPARAMS);
    cp->dwPredictiveAutoTransferStates = 0;
    cp->dwAddressType = LINEADDRESSTYPE_PHONENUMBER | LINEADDRESSTYPE_SDP;
    expect_sync(app, line, cp, LINEERR_INVALCALLPARAMS);
    cp->dwAddressType = 0x00000020u;
    expect_sync(app, line, cp, LINEERR_INVALCALLPARAMS);
    cp->dwAddressType = LINEADDRESSTYPE_PHONENUMBER;
    expect_ok(app, line, cp);
}

/* ---- user-user information and call data ---------------------------------------------------- */

TEST(make_call_uui_larger_than_caps_is_useruserinfotoobig_in_reply)
{
    HLINEAPP app = init_app("uui");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    DWORD limit = dev_caps(app).dwUUIMakeCallSize;
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    unsigned char uui[64];
    memset(uui, 'u', sizeof uui);
    put(&p, uui, limit + 1, &cp->dwUserUserInfoSize, &cp->dwUserUserInfoOffset);
    expect_reply(app, line, cp, LINEERR_USERUSERINFOTOOBIG);
    cp->dwUserUserInfoSize = limit;
    expect_ok(app, line, cp);
}

TEST(make_call_call_data_larger_than_caps_is_invalparam_in_reply)
{
    HLINEAPP app = init_app("cd");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    DWORD limit = address_caps(app).dwMaxCallDataSize;
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    unsigned char data[64];
    memset(data, 'd', sizeof data);
    put(&p, data, limit + 1, &cp->dwCallDataSize, &cp->dwCallDataOffset);
    expect_reply(app, line, cp, LINEERR_INVALPARAM);
    cp->dwCallDataSize = limit;
    expect_ok(app, line, cp);
}

/* ---- delivery -------------------------------------------------------------------------------- */

TEST(make_call_provider_refusals_are_results_with_literal_error_delivery)
{
    CHECK_EQ(tapisim_set_option("error_delivery", 1), 0);
    HLINEAPP app = init_app("lit");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwBearerMode = LINEBEARERMODE_DATA;
    expect_sync(app, line, cp, LINEERR_BEARERMODEUNAVAIL);
    cp->dwBearerMode = 0;
    cp->dwMinRate = 9600;
    cp->dwMaxRate = 2400;
    expect_sync(app, line, cp, LINEERR_INVALRATE);
    cp->dwMinRate = cp->dwMaxRate = 0;
    HCALL call = 0xDEAD;
    WCHAR bad[] = { '2', ' ', '1', 0 };
    CHECK_ERR(lineMakeCallW(line, &call, bad, 0, NULL), LINEERR_INVALADDRESS);
    EXPECT_NO_MSG(app);
    /* An injected fault still completes through LINE_REPLY. */
    CHECK_EQ(tapisim_fail_next("lineMakeCall", LINEERR_RESOURCEUNAVAIL), 0);
    expect_reply(app, line, cp, LINEERR_RESOURCEUNAVAIL);
    expect_ok(app, line, cp);
}

/* ---- a full, valid structure ---------------------------------------------------------------- */

static void fill_valid(params *p, LINECALLPARAMS *cp, DWORD version)
{
    cp->dwBearerMode = LINEBEARERMODE_VOICE;
    cp->dwMinRate = 0;
    cp->dwMaxRate = 0;
    cp->dwMediaMode = LINEMEDIAMODE_INTERACTIVEVOICE;
    cp->dwCallParamFlags = LINECALLPARAMFLAGS_BLOCKID;
    cp->dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    cp->dwAddressID = 0;
    /* Out of the caps' range: the nearest valid value is used, no error. */
    cp->DialParams.dwDialPause = 1;
    cp->DialParams.dwDialSpeed = 0xFFFFFFFFu;
    cp->DialParams.dwDigitDuration = 0;
    cp->DialParams.dwWaitForDialtone = 0xFFFFFFFFu;
    put_wstr(p, "100", &cp->dwOrigAddressSize, &cp->dwOrigAddressOffset);
    put_wstr(p, "Reception", &cp->dwDisplayableAddressSize, &cp->dwDisplayableAddressOffset);
    put_wstr(p, "Front desk", &cp->dwCalledPartySize, &cp->dwCalledPartyOffset);
    put_wstr(p, "a comment", &cp->dwCommentSize, &cp->dwCommentOffset);
    static const unsigned char hlc[] = { 0x91, 0x81 }, llc[] = { 0x80, 0x90, 0xA3 };
    put(p, hlc, sizeof hlc, &cp->dwHighLevelCompSize, &cp->dwHighLevelCompOffset);
    put(p, llc, sizeof llc, &cp->dwLowLevelCompSize, &cp->dwLowLevelCompOffset);
    static const DWORD dev[2] = { 1, 2 };
    put(p, dev, sizeof dev, &cp->dwDevSpecificSize, &cp->dwDevSpecificOffset);
    if (version >= V20) {
        put_wstr(p, "300", &cp->dwTargetAddressSize, &cp->dwTargetAddressOffset);
        put_wstr(p, "tapi/line", &cp->dwDeviceClassSize, &cp->dwDeviceClassOffset);
        put_wstr(p, "Sim", &cp->dwCallingPartyIDSize, &cp->dwCallingPartyIDOffset);
        cp->dwNoAnswerTimeout = 30;
    }
    if (version >= 0x00030000u)
        cp->dwAddressType = LINEADDRESSTYPE_PHONENUMBER;
    cp->dwTotalSize = p->used; /* exactly the bytes used */
}

TEST(make_call_full_valid_call_params_with_variable_fields_accepted)
{
    HLINEAPP app = init_app("ok");
    static const DWORD versions[] = { V14, V20, V31 };
    static const DWORD fixed[] = { FIXED_1X, FIXED_20, sizeof(LINECALLPARAMS) };
    for (int i = 0; i < 3; i++) {
        HLINE line = open_line(app, (DWORD)i, versions[i], LINECALLPRIVILEGE_NONE, 0);
        params p;
        LINECALLPARAMS *cp = params_init(&p, fixed[i]);
        fill_valid(&p, cp, versions[i]);
        expect_ok(app, line, cp);
        cp->dwTotalSize = fixed[i] - 1;
        expect_sync(app, line, cp, LINEERR_STRUCTURETOOSMALL);
    }
}

/* ---- lineOpenW with LINEMAPPER --------------------------------------------------------------- */

static DWORD device_of(HLINEAPP app, HLINE line)
{
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(app);
    LINECALLINFO ci;
    memset(&ci, 0, sizeof ci);
    ci.dwTotalSize = sizeof ci;
    CHECK_EQ(lineGetCallInfoW(call, &ci), 0);
    CHECK(lineDrop(call, NULL, 0) > 0);
    drain(app);
    CHECK_EQ(lineDeallocateCall(call), 0);
    return ci.dwLineDeviceID;
}

TEST(open_linemapper_opens_a_line_that_fits_the_call_params)
{
    HLINEAPP app = init_app("map");
    HLINE h = 0;
    const DWORD priv = LINECALLPRIVILEGE_OWNER, media = LINEMEDIAMODE_INTERACTIVEVOICE;
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, priv, media, NULL), LINEERR_INVALPOINTER);
    params p;
    LINECALLPARAMS *cp = params_init(&p, sizeof(LINECALLPARAMS));
    cp->dwTotalSize = FIXED_20; /* a 2.0 size, opened as 3.1 */
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, priv, media, cp), LINEERR_STRUCTURETOOSMALL);
    cp->dwTotalSize = (DWORD)sizeof p.u.b;
    cp->dwBearerMode = LINEBEARERMODE_VOICE | LINEBEARERMODE_DATA;
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, priv, media, cp), LINEERR_INVALBEARERMODE);
    cp->dwBearerMode = LINEBEARERMODE_DATA; /* no line offers it */
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, priv, media, cp), LINEERR_LINEMAPPERFAILED);
    cp->dwBearerMode = LINEBEARERMODE_VOICE;
    cp->dwMinRate = 1000000;
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, priv, media, cp), LINEERR_LINEMAPPERFAILED);
    cp->dwMinRate = 0;
    CHECK_EQ(h, 0);
    CHECK_EQ(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, priv, media, cp), 0);
    CHECK(h != 0);
    CHECK_EQ(device_of(app, h), 0);
    /* DIALABLEADDR: the line whose number is the originating address. */
    cp->dwAddressMode = LINEADDRESSMODE_DIALABLEADDR;
    put_wstr(&p, "102", &cp->dwOrigAddressSize, &cp->dwOrigAddressOffset);
    HLINE h2 = 0;
    CHECK_EQ(lineOpenW(app, LINEMAPPER, &h2, V31, 0, 0, priv, media, cp), 0);
    CHECK_EQ(device_of(app, h2), 2);
    put_wstr(&p, "555", &cp->dwOrigAddressSize, &cp->dwOrigAddressOffset);
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h2, V31, 0, 0, priv, media, cp), LINEERR_LINEMAPPERFAILED);
    /* With SINGLEADDRESS the address must be given by ID. */
    cp->dwAddressID = 0;
    CHECK_ERR(lineOpenW(app, 0, &h2, V31, 0, 0, priv | LINEOPENOPTION_SINGLEADDRESS, media, cp),
              LINEERR_INVALADDRESSID);
    char why[256];
    CHECK_EQ(tapisim_check(why, sizeof why), 0);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(devcaps_report_the_rate_and_dial_params_lineMakeCall_checks_against),
        T(make_call_data_bearer_mode_is_bearermodeunavail_in_reply),
        T(make_call_two_bearer_modes_or_an_undefined_one_is_invalbearermode_sync),
        T(make_call_min_rate_above_max_rate_is_invalrate_in_reply),
        T(make_call_undefined_or_several_media_modes_are_invalmediamode_on_tapisrvs_path),
        T(make_call_undefined_call_param_flags_are_invalcallparams_sync),
        T(make_call_idle_flag_on_a_line_in_use_is_callunavail_in_reply),
        T(make_call_undefined_address_mode_is_invaladdressmode_sync),
        T(make_call_variable_field_outside_total_size_is_invalcallparams_sync),
        T(make_call_undefined_predictive_states_or_address_type_are_invalcallparams_sync),
        T(make_call_uui_larger_than_caps_is_useruserinfotoobig_in_reply),
        T(make_call_call_data_larger_than_caps_is_invalparam_in_reply),
        T(make_call_provider_refusals_are_results_with_literal_error_delivery),
        T(make_call_full_valid_call_params_with_variable_fields_accepted),
        T(open_linemapper_opens_a_line_that_fits_the_call_params),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
