package io.github.tapibridge;

import java.util.Collections;
import java.util.Set;

/**
 * The mode of a call state ({@code dwCallStateMode} of {@code LINECALLSTATUS}, {@code dwParam2}
 * of {@code LINE_CALLSTATE}): its meaning depends on the state. {@link CallState#BUSY} has
 * {@link BusyMode}s, {@link CallState#DIALTONE} {@link DialToneMode}s,
 * {@link CallState#DISCONNECTED} {@link DisconnectMode}s, {@link CallState#CONNECTED}
 * {@link ConnectedMode}s, {@link CallState#OFFERING} {@link OfferingMode}s and
 * {@link CallState#SPECIALINFO} {@link SpecialInfo}; the other states have no mode.
 *
 * <pre>{@code
 * if (status.stateModeSet().contains(DisconnectMode.BUSY)) { ... }
 * }</pre>
 *
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 */
public sealed interface CallStateMode
        permits BusyMode, ConnectedMode, DialToneMode, DisconnectMode, OfferingMode, SpecialInfo {

    /**
     * Returns the value of this mode in {@code tapi.h}.
     *
     * @return the single mode bit
     */
    int bits();

    /**
     * Returns the call state this is a mode of.
     *
     * @return the state
     */
    CallState state();

    /**
     * Decodes the mode mask of a call state into the mode constants of that state.
     *
     * @param state the call state the mode was reported with
     * @param mode the raw {@code dwCallStateMode} (or {@code dwParam2}) mask
     * @return an unmodifiable set of the constants of {@code state}'s mode type whose bits are set
     *         (bits without a constant are ignored); empty for a state that has no mode, or for a
     *         null state
     */
    static Set<CallStateMode> setOf(CallState state, int mode) {
        if (state == null) {
            return Set.of();
        }
        Set<? extends CallStateMode> set = switch (state) {
            case BUSY -> BusyMode.setOf(mode);
            case DIALTONE -> DialToneMode.setOf(mode);
            case DISCONNECTED -> DisconnectMode.setOf(mode);
            case CONNECTED -> ConnectedMode.setOf(mode);
            case OFFERING -> OfferingMode.setOf(mode);
            case SPECIALINFO -> SpecialInfo.setOf(mode);
            default -> Set.of();
        };
        return Collections.unmodifiableSet(set);
    }
}
