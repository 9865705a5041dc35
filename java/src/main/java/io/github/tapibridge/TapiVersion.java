package io.github.tapibridge;

/**
 * A TAPI API version, as exchanged by {@code lineInitializeEx} and {@code lineNegotiateAPIVersion}
 * and passed to {@code lineOpen}, {@code lineGetDevCaps} and {@code lineGetAddressCaps}.
 *
 * <p>TAPI encodes a version in a {@code DWORD}: the high 16 bits are the major version, the low
 * 16 bits the minor version, so {@code 0x00020002} is version 2.2. This class converts between
 * that encoding ({@link #fromDword(int)}, {@link #dword()}), its parts ({@link #of(int, int)},
 * {@link #major()}, {@link #minor()}) and the usual text form ({@link #parse(String)},
 * {@link #toString()}). Versions are ordered by their numeric value, which is the order TAPI uses
 * when it negotiates.
 *
 * <p>Instances are immutable and thread-safe. Compare them with {@link #equals(Object)} or
 * {@link #compareTo(TapiVersion)}, not with {@code ==}.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/tapi-versioning">TAPI
 *      versioning (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linenegotiateapiversion">
 *      lineNegotiateAPIVersion (Microsoft)</a>
 */
public final class TapiVersion implements Comparable<TapiVersion> {

    /** The largest value of the major or minor part: each is an unsigned 16-bit number. */
    private static final int MAX_PART = 0xFFFF;

    /**
     * TAPI 1.3 ({@code 0x00010003}), the oldest version TAPI 2.x serves (with the 1.3 sizes of
     * the structures), and the lowest the bundled simulator supports.
     */
    public static final TapiVersion V1_3 = new TapiVersion(1, 3);

    /** TAPI 1.4 ({@code 0x00010004}): {@code LINEDEVSTATE_COMPLCANCEL} and the other 1.4 states. */
    public static final TapiVersion V1_4 = new TapiVersion(1, 4);

    /** TAPI 2.0 ({@code 0x00020000}): {@code lineInitializeEx}, {@code lineGetMessage}. */
    public static final TapiVersion V2_0 = new TapiVersion(2, 0);

    /** TAPI 2.1 ({@code 0x00020001}). */
    public static final TapiVersion V2_1 = new TapiVersion(2, 1);

    /** TAPI 2.2 ({@code 0x00020002}). */
    public static final TapiVersion V2_2 = new TapiVersion(2, 2);

    /** TAPI 3.0 ({@code 0x00030000}). */
    public static final TapiVersion V3_0 = new TapiVersion(3, 0);

    /** TAPI 3.1 ({@code 0x00030001}), the highest version of the current Windows headers. */
    public static final TapiVersion V3_1 = new TapiVersion(3, 1);

    private final int major;
    private final int minor;

    private TapiVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    /**
     * Returns the version {@code major.minor}.
     *
     * @param major the major version, 0 to 65535
     * @param minor the minor version, 0 to 65535
     * @return the version
     * @throws IllegalArgumentException if a part is negative or greater than 65535
     */
    public static TapiVersion of(int major, int minor) {
        checkPart("major", major);
        checkPart("minor", minor);
        return new TapiVersion(major, minor);
    }

    /**
     * Decodes a TAPI version {@code DWORD}: the high 16 bits are the major version, the low 16 bits
     * the minor version. Every 32-bit value is a valid encoding, since a {@code DWORD} is unsigned:
     * an {@code int} with the sign bit set simply has a major version of 32768 or more.
     *
     * @param dword the version as TAPI encodes it, for example {@code 0x00020002}
     * @return the version, for example 2.2
     */
    public static TapiVersion fromDword(int dword) {
        return new TapiVersion(dword >>> 16, dword & MAX_PART);
    }

    /**
     * Parses the text form {@code major.minor}, for example {@code "2.2"}: two unsigned decimal
     * numbers of at most 65535, separated by one dot, with no sign, space or other character.
     *
     * @param text the text to parse
     * @return the version
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is not of that form or a part is greater
     *         than 65535
     */
    public static TapiVersion parse(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        int dot = text.indexOf('.');
        if (dot < 0 || text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException(
                    "Not a TAPI version (expected major.minor, e.g. \"2.2\"): \"" + text + "\"");
        }
        int major = parsePart(text, 0, dot, "major");
        int minor = parsePart(text, dot + 1, text.length(), "minor");
        return new TapiVersion(major, minor);
    }

    /**
     * Returns this version as TAPI encodes it: {@code major << 16 | minor}.
     *
     * @return the version {@code DWORD}, for example {@code 0x00020002} for 2.2; negative if the
     *         major version is 32768 or more
     */
    public int dword() {
        return major << 16 | minor;
    }

    /**
     * Returns the major version (the high 16 bits of the {@code DWORD}).
     *
     * @return the major version, 0 to 65535
     */
    public int major() {
        return major;
    }

    /**
     * Returns the minor version (the low 16 bits of the {@code DWORD}).
     *
     * @return the minor version, 0 to 65535
     */
    public int minor() {
        return minor;
    }

    /**
     * Tells whether this version is the same as or later than {@code other}, for example whether
     * a negotiated version is high enough for a feature.
     *
     * @param other the version to compare with
     * @return true if {@code this.compareTo(other) >= 0}
     * @throws NullPointerException if {@code other} is null
     */
    public boolean isAtLeast(TapiVersion other) {
        return compareTo(other) >= 0;
    }

    /**
     * Orders versions by major, then minor version, which is the numeric order of their unsigned
     * {@code DWORD} values.
     *
     * @param other the version to compare with
     * @return a negative number, zero or a positive number if this version is lower than, equal
     *         to or higher than {@code other}
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(TapiVersion other) {
        return Integer.compareUnsigned(dword(), other.dword());
    }

    /**
     * Two versions are equal if their major and minor versions are equal.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is a {@code TapiVersion} with the same major and minor version
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof TapiVersion && ((TapiVersion) obj).dword() == dword();
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return dword();
    }

    /**
     * Returns the text form {@code major.minor}, for example {@code "2.2"}, which
     * {@link #parse(String)} reads back.
     *
     * @return the version as text
     */
    @Override
    public String toString() {
        return major + "." + minor;
    }

    private static void checkPart(String name, int value) {
        if (value < 0 || value > MAX_PART) {
            throw new IllegalArgumentException(
                    "TAPI " + name + " version out of range 0.." + MAX_PART + ": " + value);
        }
    }

    private static int parsePart(String text, int start, int end, String name) {
        if (start == end) {
            throw new IllegalArgumentException(
                    "Not a TAPI version (missing " + name + " version): \"" + text + "\"");
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(
                        "Not a TAPI version (expected major.minor, e.g. \"2.2\"): \"" + text + "\"");
            }
            // Saturates just above the maximum, so long inputs cannot overflow.
            value = Math.min(value * 10 + (c - '0'), MAX_PART + 1);
        }
        if (value > MAX_PART) {
            throw new IllegalArgumentException(
                    "TAPI " + name + " version out of range 0.." + MAX_PART + ": \"" + text + "\"");
        }
        return value;
    }
}
