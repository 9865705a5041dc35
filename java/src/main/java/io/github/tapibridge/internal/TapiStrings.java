package io.github.tapibridge.internal;

/**
 * The one check of every string that goes down to a TAPI provider: at most {@value #MAX_LENGTH}
 * UTF-16 units and no U+0000 (C would cut the string there, so {@code "101\u0000999"} would dial
 * {@code "101"}). The public API checks its arguments here before anything reaches a backend, so
 * both backends refuse the same strings with the same message; the backends check again (the JNI
 * bridge in C, {@code get_wstr} of {@code native/jni/tapijni.c}), with the same words.
 */
public final class TapiStrings {

    /** The longest string passed down, in UTF-16 units ({@code TB_MAX_STRING} of the bridge). */
    public static final int MAX_LENGTH = 1024;

    private TapiStrings() {
    }

    /**
     * Checks a string for a provider.
     *
     * @param value the string (not null)
     * @param what its name in the message, for example {@code "destination"}
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<what> is too long: N UTF-16 units, at most 1024"}
     *         or {@code "<what> contains U+0000 at index i"}
     */
    public static String check(String value, String what) {
        int n = value.length();
        if (n > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is too long: " + n + " UTF-16 units, at most "
                    + MAX_LENGTH);
        }
        int nul = value.indexOf('\u0000');
        if (nul >= 0) {
            throw new IllegalArgumentException(what + " contains U+0000 at index " + nul);
        }
        return value;
    }
}
