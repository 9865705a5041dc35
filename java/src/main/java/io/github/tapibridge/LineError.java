package io.github.tapibridge;

/**
 * The TAPI 2.x line error codes ({@code LINEERR_} constants of {@code tapi.h}), by their C name.
 *
 * <p>TAPI functions return a {@code LONG}: {@code 0} for success, a positive request ID for an
 * accepted asynchronous request, or one of these negative codes. An asynchronous request can also
 * fail later, with one of these codes in the {@code LINE_REPLY} message. tapibridge turns every
 * such failure into a {@link TapiException} whose {@link TapiException#error()} is a constant of
 * this enum; test and switch on that, never on message text.
 *
 * <p>The values are those of the Microsoft and mingw-w64 headers (TAPI 3.1); codes
 * {@code 0x80000004} and {@code 0x80000031} are unassigned. A code that is not listed (a newer
 * header, a provider-specific value) maps to {@link #UNKNOWN}; the exception keeps the raw value in
 * {@link TapiException#code()}.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/lineerr--constants">LINEERR_
 *      constants (Microsoft)</a>
 */
public enum LineError {

    /**
     * The line cannot be opened because a resource it needs is already allocated ({@code
     * 0x80000001}).
     */
    LINEERR_ALLOCATED(0x80000001, "the line cannot be opened because a resource it needs is already allocated"),

    /** The device ID is not a valid line device ({@code 0x80000002}). */
    LINEERR_BADDEVICEID(0x80000002, "the device ID is not a valid line device"),

    /** The requested bearer mode is not available ({@code 0x80000003}). */
    LINEERR_BEARERMODEUNAVAIL(0x80000003, "the requested bearer mode is not available"),

    /** No call appearance is available on the address ({@code 0x80000005}). */
    LINEERR_CALLUNAVAIL(0x80000005, "no call appearance is available on the address"),

    /** The maximum number of outstanding call completions is exceeded ({@code 0x80000006}). */
    LINEERR_COMPLETIONOVERRUN(0x80000006, "the maximum number of outstanding call completions is exceeded"),

    /** The conference is full ({@code 0x80000007}). */
    LINEERR_CONFERENCEFULL(0x80000007, "the conference is full"),

    /** The dial string contains a billing prompt ($) that is not supported ({@code 0x80000008}). */
    LINEERR_DIALBILLING(0x80000008, "the dial string contains a billing prompt ($) that is not supported"),

    /**
     * The dial string contains a wait-for-dial-tone (W) that is not supported ({@code
     * 0x80000009}).
     */
    LINEERR_DIALDIALTONE(0x80000009, "the dial string contains a wait-for-dial-tone (W) that is not supported"),

    /** The dial string contains a wait-for-prompt (?) that is not supported ({@code 0x8000000A}). */
    LINEERR_DIALPROMPT(0x8000000A, "the dial string contains a wait-for-prompt (?) that is not supported"),

    /** The dial string contains a wait-for-quiet (@) that is not supported ({@code 0x8000000B}). */
    LINEERR_DIALQUIET(0x8000000B, "the dial string contains a wait-for-quiet (@) that is not supported"),

    /** The API version is not supported by TAPI or the device ({@code 0x8000000C}). */
    LINEERR_INCOMPATIBLEAPIVERSION(0x8000000C, "the API version is not supported by TAPI or the device"),

    /** The extension version is not supported by the device ({@code 0x8000000D}). */
    LINEERR_INCOMPATIBLEEXTVERSION(0x8000000D, "the extension version is not supported by the device"),

    /** The TAPI configuration is corrupt ({@code 0x8000000E}). */
    LINEERR_INIFILECORRUPT(0x8000000E, "the TAPI configuration is corrupt"),

    /** The line device is in use ({@code 0x8000000F}). */
    LINEERR_INUSE(0x8000000F, "the line device is in use"),

    /** The destination address is not valid ({@code 0x80000010}). */
    LINEERR_INVALADDRESS(0x80000010, "the destination address is not valid"),

    /** The address ID is not valid ({@code 0x80000011}). */
    LINEERR_INVALADDRESSID(0x80000011, "the address ID is not valid"),

    /** The address mode is not valid ({@code 0x80000012}). */
    LINEERR_INVALADDRESSMODE(0x80000012, "the address mode is not valid"),

    /** The address states are not valid ({@code 0x80000013}). */
    LINEERR_INVALADDRESSSTATE(0x80000013, "the address states are not valid"),

    /** The application handle is not valid ({@code 0x80000014}). */
    LINEERR_INVALAPPHANDLE(0x80000014, "the application handle is not valid"),

    /** The application name is not valid ({@code 0x80000015}). */
    LINEERR_INVALAPPNAME(0x80000015, "the application name is not valid"),

    /** The bearer mode is not valid ({@code 0x80000016}). */
    LINEERR_INVALBEARERMODE(0x80000016, "the bearer mode is not valid"),

    /** The call completion mode is not valid or not supported ({@code 0x80000017}). */
    LINEERR_INVALCALLCOMPLMODE(0x80000017, "the call completion mode is not valid or not supported"),

    /** The call handle is not valid ({@code 0x80000018}). */
    LINEERR_INVALCALLHANDLE(0x80000018, "the call handle is not valid"),

    /** The call parameters are not valid ({@code 0x80000019}). */
    LINEERR_INVALCALLPARAMS(0x80000019, "the call parameters are not valid"),

    /** The call privilege is not valid ({@code 0x8000001A}). */
    LINEERR_INVALCALLPRIVILEGE(0x8000001A, "the call privilege is not valid"),

    /** The call select value is not valid ({@code 0x8000001B}). */
    LINEERR_INVALCALLSELECT(0x8000001B, "the call select value is not valid"),

    /** The operation is not allowed in the current call state ({@code 0x8000001C}). */
    LINEERR_INVALCALLSTATE(0x8000001C, "the operation is not allowed in the current call state"),

    /** The call state list is not valid ({@code 0x8000001D}). */
    LINEERR_INVALCALLSTATELIST(0x8000001D, "the call state list is not valid"),

    /** The calling card is not valid ({@code 0x8000001E}). */
    LINEERR_INVALCARD(0x8000001E, "the calling card is not valid"),

    /** The completion ID is not valid ({@code 0x8000001F}). */
    LINEERR_INVALCOMPLETIONID(0x8000001F, "the completion ID is not valid"),

    /** The conference call handle is not valid ({@code 0x80000020}). */
    LINEERR_INVALCONFCALLHANDLE(0x80000020, "the conference call handle is not valid"),

    /** The consultation call handle is not valid ({@code 0x80000021}). */
    LINEERR_INVALCONSULTCALLHANDLE(0x80000021, "the consultation call handle is not valid"),

    /** The country code is not valid ({@code 0x80000022}). */
    LINEERR_INVALCOUNTRYCODE(0x80000022, "the country code is not valid"),

    /** The device class is not valid ({@code 0x80000023}). */
    LINEERR_INVALDEVICECLASS(0x80000023, "the device class is not valid"),

    /** The device handle is not valid ({@code 0x80000024}). */
    LINEERR_INVALDEVICEHANDLE(0x80000024, "the device handle is not valid"),

    /** The dial parameters are not valid ({@code 0x80000025}). */
    LINEERR_INVALDIALPARAMS(0x80000025, "the dial parameters are not valid"),

    /** The digit list is not valid ({@code 0x80000026}). */
    LINEERR_INVALDIGITLIST(0x80000026, "the digit list is not valid"),

    /** The digit mode is not valid ({@code 0x80000027}). */
    LINEERR_INVALDIGITMODE(0x80000027, "the digit mode is not valid"),

    /** The digits are not valid ({@code 0x80000028}). */
    LINEERR_INVALDIGITS(0x80000028, "the digits are not valid"),

    /** The extension version is not valid ({@code 0x80000029}). */
    LINEERR_INVALEXTVERSION(0x80000029, "the extension version is not valid"),

    /** The pickup group ID is not valid ({@code 0x8000002A}). */
    LINEERR_INVALGROUPID(0x8000002A, "the pickup group ID is not valid"),

    /** The line handle is not valid ({@code 0x8000002B}). */
    LINEERR_INVALLINEHANDLE(0x8000002B, "the line handle is not valid"),

    /**
     * The line state is not valid for the operation, or a status message is not supported ({@code
     * 0x8000002C}).
     */
    LINEERR_INVALLINESTATE(0x8000002C, "the line state is not valid for the operation, or a status message is not supported"),

    /** The location is not valid ({@code 0x8000002D}). */
    LINEERR_INVALLOCATION(0x8000002D, "the location is not valid"),

    /** The media list is not valid ({@code 0x8000002E}). */
    LINEERR_INVALMEDIALIST(0x8000002E, "the media list is not valid"),

    /** The media mode is not valid or not supported ({@code 0x8000002F}). */
    LINEERR_INVALMEDIAMODE(0x8000002F, "the media mode is not valid or not supported"),

    /** The completion message ID is not valid ({@code 0x80000030}). */
    LINEERR_INVALMESSAGEID(0x80000030, "the completion message ID is not valid"),

    /** A parameter is not valid ({@code 0x80000032}). */
    LINEERR_INVALPARAM(0x80000032, "a parameter is not valid"),

    /** The park ID is not valid ({@code 0x80000033}). */
    LINEERR_INVALPARKID(0x80000033, "the park ID is not valid"),

    /** The park mode is not valid ({@code 0x80000034}). */
    LINEERR_INVALPARKMODE(0x80000034, "the park mode is not valid"),

    /** A pointer parameter is not valid ({@code 0x80000035}). */
    LINEERR_INVALPOINTER(0x80000035, "a pointer parameter is not valid"),

    /** The privilege selection is not valid ({@code 0x80000036}). */
    LINEERR_INVALPRIVSELECT(0x80000036, "the privilege selection is not valid"),

    /** The rate is not valid ({@code 0x80000037}). */
    LINEERR_INVALRATE(0x80000037, "the rate is not valid"),

    /** The request mode is not valid ({@code 0x80000038}). */
    LINEERR_INVALREQUESTMODE(0x80000038, "the request mode is not valid"),

    /** The terminal ID is not valid ({@code 0x80000039}). */
    LINEERR_INVALTERMINALID(0x80000039, "the terminal ID is not valid"),

    /** The terminal mode is not valid ({@code 0x8000003A}). */
    LINEERR_INVALTERMINALMODE(0x8000003A, "the terminal mode is not valid"),

    /** The timeout is not valid ({@code 0x8000003B}). */
    LINEERR_INVALTIMEOUT(0x8000003B, "the timeout is not valid"),

    /** The tone is not valid ({@code 0x8000003C}). */
    LINEERR_INVALTONE(0x8000003C, "the tone is not valid"),

    /** The tone list is not valid ({@code 0x8000003D}). */
    LINEERR_INVALTONELIST(0x8000003D, "the tone list is not valid"),

    /** The tone mode is not valid ({@code 0x8000003E}). */
    LINEERR_INVALTONEMODE(0x8000003E, "the tone mode is not valid"),

    /** The transfer mode is not valid ({@code 0x8000003F}). */
    LINEERR_INVALTRANSFERMODE(0x8000003F, "the transfer mode is not valid"),

    /** No line device matches the requested parameters ({@code 0x80000040}). */
    LINEERR_LINEMAPPERFAILED(0x80000040, "no line device matches the requested parameters"),

    /** The call is not part of a conference ({@code 0x80000041}). */
    LINEERR_NOCONFERENCE(0x80000041, "the call is not part of a conference"),

    /** The device was removed or is no longer available ({@code 0x80000042}). */
    LINEERR_NODEVICE(0x80000042, "the device was removed or is no longer available"),

    /** The service provider of the device is missing or failed ({@code 0x80000043}). */
    LINEERR_NODRIVER(0x80000043, "the service provider of the device is missing or failed"),

    /** Not enough memory ({@code 0x80000044}). */
    LINEERR_NOMEM(0x80000044, "not enough memory"),

    /** There is no pending request ({@code 0x80000045}). */
    LINEERR_NOREQUEST(0x80000045, "there is no pending request"),

    /** The application does not have owner privilege on the call ({@code 0x80000046}). */
    LINEERR_NOTOWNER(0x80000046, "the application does not have owner privilege on the call"),

    /** The application is not registered as a request recipient ({@code 0x80000047}). */
    LINEERR_NOTREGISTERED(0x80000047, "the application is not registered as a request recipient"),

    /** The operation failed for an unspecified reason ({@code 0x80000048}). */
    LINEERR_OPERATIONFAILED(0x80000048, "the operation failed for an unspecified reason"),

    /** The operation is not available on this device or provider ({@code 0x80000049}). */
    LINEERR_OPERATIONUNAVAIL(0x80000049, "the operation is not available on this device or provider"),

    /** The requested rate is not available ({@code 0x8000004A}). */
    LINEERR_RATEUNAVAIL(0x8000004A, "the requested rate is not available"),

    /** A resource needed by the operation is not available ({@code 0x8000004B}). */
    LINEERR_RESOURCEUNAVAIL(0x8000004B, "a resource needed by the operation is not available"),

    /** Too many requests are outstanding ({@code 0x8000004C}). */
    LINEERR_REQUESTOVERRUN(0x8000004C, "too many requests are outstanding"),

    /** The structure is too small for its fixed part ({@code 0x8000004D}). */
    LINEERR_STRUCTURETOOSMALL(0x8000004D, "the structure is too small for its fixed part"),

    /** The target was not found ({@code 0x8000004E}). */
    LINEERR_TARGETNOTFOUND(0x8000004E, "the target was not found"),

    /** The target is the calling address itself ({@code 0x8000004F}). */
    LINEERR_TARGETSELF(0x8000004F, "the target is the calling address itself"),

    /** No application has initialized TAPI ({@code 0x80000050}). */
    LINEERR_UNINITIALIZED(0x80000050, "no application has initialized TAPI"),

    /** The user-to-user information is too large ({@code 0x80000051}). */
    LINEERR_USERUSERINFOTOOBIG(0x80000051, "the user-to-user information is too large"),

    /**
     * TAPI is being reinitialized; the application must shut down and initialize again ({@code
     * 0x80000052}).
     */
    LINEERR_REINIT(0x80000052, "TAPI is being reinitialized; the application must shut down and initialize again"),

    /** The destination address is blocked ({@code 0x80000053}). */
    LINEERR_ADDRESSBLOCKED(0x80000053, "the destination address is blocked"),

    /** The billing information was rejected ({@code 0x80000054}). */
    LINEERR_BILLINGREJECTED(0x80000054, "the billing information was rejected"),

    /** The feature is not valid ({@code 0x80000055}). */
    LINEERR_INVALFEATURE(0x80000055, "the feature is not valid"),

    /** A second instance of the service provider is not allowed ({@code 0x80000056}). */
    LINEERR_NOMULTIPLEINSTANCE(0x80000056, "a second instance of the service provider is not allowed"),

    /** The agent ID is not valid ({@code 0x80000057}). */
    LINEERR_INVALAGENTID(0x80000057, "the agent ID is not valid"),

    /** The agent group is not valid ({@code 0x80000058}). */
    LINEERR_INVALAGENTGROUP(0x80000058, "the agent group is not valid"),

    /** The password is not valid ({@code 0x80000059}). */
    LINEERR_INVALPASSWORD(0x80000059, "the password is not valid"),

    /** The agent state is not valid ({@code 0x8000005A}). */
    LINEERR_INVALAGENTSTATE(0x8000005A, "the agent state is not valid"),

    /** The agent activity is not valid ({@code 0x8000005B}). */
    LINEERR_INVALAGENTACTIVITY(0x8000005B, "the agent activity is not valid"),

    /** The dial string contains a voice-detect (:) that is not supported ({@code 0x8000005C}). */
    LINEERR_DIALVOICEDETECT(0x8000005C, "the dial string contains a voice-detect (:) that is not supported"),

    /** The user cancelled the operation ({@code 0x8000005D}). */
    LINEERR_USERCANCELLED(0x8000005D, "the user cancelled the operation"),

    /** The address type is not valid ({@code 0x8000005E}). */
    LINEERR_INVALADDRESSTYPE(0x8000005E, "the address type is not valid"),

    /** The agent session state is not valid ({@code 0x8000005F}). */
    LINEERR_INVALAGENTSESSIONSTATE(0x8000005F, "the agent session state is not valid"),

    /** The connection to the telephony server was lost ({@code 0x80000060}). */
    LINEERR_DISCONNECTED(0x80000060, "the connection to the telephony server was lost"),

    /** The telephony service is not running ({@code 0x80000061}). */
    LINEERR_SERVICE_NOT_RUNNING(0x80000061, "the telephony service is not running"),
    /**
     * A code that is not one of the constants above. Its {@link #code()} is {@code 0}, which is
     * never an error; {@link TapiException#code()} holds the code that was actually returned.
     */
    UNKNOWN(0, "unknown error code");

    /** Codes are {@code 0x80000000 + n}; this table maps {@code n} to the constant. */
    private static final LineError[] BY_INDEX = new LineError[0x100];

    static {
        for (LineError e : values()) {
            if (e != UNKNOWN) {
                BY_INDEX[e.code & 0xFF] = e;
            }
        }
    }

    private final int code;
    private final String description;

    LineError(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * Returns the value of this error in {@code tapi.h}, as the negative {@code LONG} that TAPI
     * functions return (for example {@code 0x8000001C}, that is -2147483620, for
     * {@link #LINEERR_INVALCALLSTATE}).
     *
     * @return the error code, or {@code 0} for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * Returns a short English description of the error, used in exception messages.
     *
     * @return the description, starting with a lower-case letter and without a final period
     */
    public String description() {
        return description;
    }

    /**
     * Returns the constant for a TAPI error code.
     *
     * @param code a value returned by a TAPI function or carried by {@code LINE_REPLY}
     * @return the matching constant, or {@link #UNKNOWN} if {@code code} is not a known
     *         {@code LINEERR_} value (including {@code 0} and positive values)
     */
    public static LineError of(int code) {
        if ((code & 0xFFFFFF00) != 0x80000000) {
            return UNKNOWN;
        }
        LineError e = BY_INDEX[code & 0xFF];
        return e == null ? UNKNOWN : e;
    }
}
