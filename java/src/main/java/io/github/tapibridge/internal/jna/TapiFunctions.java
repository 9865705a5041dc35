package io.github.tapibridge.internal.jna;

/**
 * The TAPI functions as one provider library exports them, bound by JNA direct mapping. One
 * implementation class is defined per provider library (see {@link DirectLoader}), because a
 * direct-mapped class binds to a single library for its whole life. Strings are NUL-terminated
 * UTF-16 {@code char[]} ({@code WCHAR} is 16 bits on every platform; JNA's {@code WString} is
 * not, so it is never used). Pointers are native addresses.
 */
public interface TapiFunctions {

    int lineInitializeExW(long lphLineApp, long hInstance, long lpfnCallback, char[] lpszFriendlyAppName,
                          long lpdwNumDevs, long lpdwAPIVersion, long lpLineInitializeExParams);

    int lineShutdown(int hLineApp);

    int lineNegotiateAPIVersion(int hLineApp, int dwDeviceID, int dwAPILowVersion, int dwAPIHighVersion,
                                long lpdwAPIVersion, long lpExtensionID);

    int lineGetDevCapsW(int hLineApp, int dwDeviceID, int dwAPIVersion, int dwExtVersion, long lpLineDevCaps);

    int lineGetAddressCapsW(int hLineApp, int dwDeviceID, int dwAddressID, int dwAPIVersion, int dwExtVersion,
                            long lpAddressCaps);

    int lineOpenW(int hLineApp, int dwDeviceID, long lphLine, int dwAPIVersion, int dwExtVersion,
                  long dwCallbackInstance, int dwPrivileges, int dwMediaModes, long lpCallParams);

    int lineClose(int hLine);

    int lineSetStatusMessages(int hLine, int dwLineStates, int dwAddressStates);

    int lineGetLineDevStatusW(int hLine, long lpLineDevStatus);

    int lineMakeCallW(int hLine, long lphCall, char[] lpszDestAddress, int dwCountryCode, long lpCallParams);

    int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize);

    int lineDrop(int hCall, long lpsUserUserInfo, int dwSize);

    int lineDeallocateCall(int hCall);

    int lineGetCallInfoW(int hCall, long lpCallInfo);

    int lineGetCallStatus(int hCall, long lpCallStatus);

    int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout);

    int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID);

    int lineUncompleteCall(int hLine, int dwCompletionID);
}
