package io.github.tapibridge.internal;

/**
 * TAPI numbers used by the implementation that have no enum in the public API (message IDs,
 * options, feature bits), with their {@code tapi.h} values. {@code ConstantsDriftTest}
 * checks each against the value the C compiler gives it (the simulator's constant probe), and
 * {@code DriftTest} against {@code native/include/tapi_abi.h}.
 */
public final class TapiConstants {

    private TapiConstants() {
    }

    /** {@code LINE_ADDRESSSTATE}. */
    public static final int LINE_ADDRESSSTATE = 0;
    /** {@code LINE_CALLINFO}. */
    public static final int LINE_CALLINFO = 1;
    /** {@code LINE_CALLSTATE}. */
    public static final int LINE_CALLSTATE = 2;
    /** {@code LINE_CLOSE}. */
    public static final int LINE_CLOSE = 3;
    /** {@code LINE_DEVSPECIFIC}. */
    public static final int LINE_DEVSPECIFIC = 4;
    /** {@code LINE_GENERATE}. */
    public static final int LINE_GENERATE = 7;
    /** {@code LINE_MONITORDIGITS}. */
    public static final int LINE_MONITORDIGITS = 9;
    /** {@code LINE_LINEDEVSTATE}. */
    public static final int LINE_LINEDEVSTATE = 8;
    /** {@code LINE_REPLY}. */
    public static final int LINE_REPLY = 12;
    /** {@code LINE_CREATE}. */
    public static final int LINE_CREATE = 19;
    /** {@code LINE_APPNEWCALL}. */
    public static final int LINE_APPNEWCALL = 23;
    /** {@code LINE_REMOVE}. */
    public static final int LINE_REMOVE = 25;

    /** {@code LINEINITIALIZEEXOPTION_USEEVENT}: messages are pulled with lineGetMessage. */
    public static final int LINEINITIALIZEEXOPTION_USEEVENT = 2;

    /** {@code INFINITE} timeout of lineGetMessage. */
    public static final int INFINITE = -1;

    /** {@code LINEGENERATETERM_DONE}. */
    public static final int LINEGENERATETERM_DONE = 0x00000001;
    /** {@code LINEGENERATETERM_CANCEL}. */
    public static final int LINEGENERATETERM_CANCEL = 0x00000002;
    /** {@code LINECALLINFOSTATE_REASON}. */
    public static final int LINECALLINFOSTATE_REASON = 0x00000200;
    /** {@code LINECALLINFOSTATE_COMPLETIONID}. */
    public static final int LINECALLINFOSTATE_COMPLETIONID = 0x00000400;

    /** {@code LINEADDRCAPFLAGS_COMPLETIONID}. */
    public static final int LINEADDRCAPFLAGS_COMPLETIONID = 0x00000800;

    /** {@code LINEDEVSTATUSFLAGS_CONNECTED}. */
    public static final int LINEDEVSTATUSFLAGS_CONNECTED = 0x00000001;
    /** {@code LINEDEVSTATUSFLAGS_MSGWAIT}. */
    public static final int LINEDEVSTATUSFLAGS_MSGWAIT = 0x00000002;
    /** {@code LINEDEVSTATUSFLAGS_INSERVICE}. */
    public static final int LINEDEVSTATUSFLAGS_INSERVICE = 0x00000004;

    /** {@code LINETRANSFERMODE_TRANSFER}. */
    public static final int LINETRANSFERMODE_TRANSFER = 0x00000001;
    /** {@code LINETRANSFERMODE_CONFERENCE}. */
    public static final int LINETRANSFERMODE_CONFERENCE = 0x00000002;

    /** {@code STRINGFORMAT_ASCII}. */
    public static final int STRINGFORMAT_ASCII = 1;
    /** {@code STRINGFORMAT_DBCS}. */
    public static final int STRINGFORMAT_DBCS = 2;
    /** {@code STRINGFORMAT_UNICODE}. */
    public static final int STRINGFORMAT_UNICODE = 3;

    /** {@code LINEERR_INVALAPPHANDLE}. */
    public static final int LINEERR_INVALAPPHANDLE = 0x80000014;
    /** {@code LINEERR_INVALLINEHANDLE}. */
    public static final int LINEERR_INVALLINEHANDLE = 0x8000002B;
    /** {@code LINEERR_OPERATIONFAILED}. */
    public static final int LINEERR_OPERATIONFAILED = 0x80000048;
    /** {@code LINEERR_STRUCTURETOOSMALL}. */
    public static final int LINEERR_STRUCTURETOOSMALL = 0x8000004D;
    /** {@code LINEERR_UNINITIALIZED}. */
    public static final int LINEERR_UNINITIALIZED = 0x80000050;

    /**
     * Returns the name of a message ID, for logs.
     *
     * @param id a {@code dwMessageID}
     * @return its name, or {@code "MESSAGE_n"}
     */
    public static String messageName(int id) {
        switch (id) {
            case LINE_ADDRESSSTATE: return "LINE_ADDRESSSTATE";
            case LINE_CALLINFO: return "LINE_CALLINFO";
            case LINE_CALLSTATE: return "LINE_CALLSTATE";
            case LINE_CLOSE: return "LINE_CLOSE";
            case LINE_DEVSPECIFIC: return "LINE_DEVSPECIFIC";
            case LINE_GENERATE: return "LINE_GENERATE";
            case LINE_MONITORDIGITS: return "LINE_MONITORDIGITS";
            case LINE_LINEDEVSTATE: return "LINE_LINEDEVSTATE";
            case LINE_REPLY: return "LINE_REPLY";
            case LINE_CREATE: return "LINE_CREATE";
            case LINE_APPNEWCALL: return "LINE_APPNEWCALL";
            case LINE_REMOVE: return "LINE_REMOVE";
            default: return "MESSAGE_" + id;
        }
    }
}
