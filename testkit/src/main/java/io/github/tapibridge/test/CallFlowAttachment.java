package io.github.tapibridge.test;

import java.util.Optional;

/**
 * The call flow of a failed test, attached by the {@link TapiSimulatorExtension} to the failure
 * as a {@linkplain Throwable#getSuppressed() suppressed exception}, so that it shows in the
 * test report below the error: the isolated switch's {@linkplain io.github.tapibridge.sim.Simulator#trace()
 * trace} drawn as a {@linkplain io.github.tapibridge.sim.Ladder ladder}
 * ({@link io.github.tapibridge.sim.Ladder#toText()}). It has no stack trace of its own.
 *
 * <p>Immutable.
 */
public final class CallFlowAttachment extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The ladder text. */
    private final String ladder;
    /** The SVG file written, or null. */
    private final String svgFile;

    CallFlowAttachment(String ladder, String svgFile) {
        super("the call flow of the test (the switch's trace as a ladder"
                + (svgFile == null ? "" : "; as SVG in " + svgFile) + "):\n" + ladder,
                null, false, false);
        this.ladder = ladder;
        this.svgFile = svgFile;
    }

    /**
     * Returns the ladder, as {@link io.github.tapibridge.sim.Ladder#toText()} renders it.
     *
     * @return the text
     */
    public String ladder() {
        return ladder;
    }

    /**
     * Returns the SVG file of the ladder, if one was written: only when the system property
     * {@value TapiSimulatorExtension#LADDER_DIRECTORY_PROPERTY} names a directory.
     *
     * @return the file's path, or empty
     */
    public Optional<String> svgFile() {
        return Optional.ofNullable(svgFile);
    }
}
