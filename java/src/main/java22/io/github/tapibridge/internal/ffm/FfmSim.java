package io.github.tapibridge.internal.ffm;

import java.lang.foreign.MemorySegment;
import java.util.function.Function;

/**
 * The addresses of the simulator's control functions ({@code tapisim.h}) in one provider
 * library, resolved all or none (as the JNA backend binds them): a library that lacks one has
 * no simulator control. Valid while the library is loaded.
 */
record FfmSim(MemorySegment reset, MemorySegment setStation, MemorySegment advance, MemorySegment now,
        MemorySegment failNext, MemorySegment setOption, MemorySegment trace, MemorySegment traceClear,
        MemorySegment constant, MemorySegment layout, MemorySegment postMessages, MemorySegment setLines,
        MemorySegment setLine, MemorySegment setCompletionCaps, MemorySegment setCompletionMessages,
        MemorySegment sync, MemorySegment remoteCall, MemorySegment remoteAnswer, MemorySegment remoteHangup,
        MemorySegment remoteCallEx, MemorySegment remoteDigits, MemorySegment setAddresses,
        MemorySegment setAddressCompletionCaps, MemorySegment setAddressCompletionMessages) {

    /** The C names, in the order of the components. */
    static final String[] NAMES = {"tapisim_reset", "tapisim_set_station", "tapisim_advance", "tapisim_now",
        "tapisim_fail_next", "tapisim_set_option", "tapisim_trace", "tapisim_trace_clear", "tapisim_constant",
        "tapisim_layout", "tapisim_post_messages", "tapisim_set_lines", "tapisim_set_line",
        "tapisim_set_completion_caps", "tapisim_set_completion_messages", "tapisim_sync", "tapisim_remote_call",
        "tapisim_remote_answer", "tapisim_remote_hangup", "tapisim_remote_call_ex", "tapisim_remote_digits",
        "tapisim_set_addresses", "tapisim_set_address_completion_caps",
        "tapisim_set_address_completion_messages"};

    /**
     * The functions of a library.
     *
     * @param find a function's address by name, or null if the library does not export it
     * @return the functions, or null if one is missing
     */
    static FfmSim of(Function<String, MemorySegment> find) {
        MemorySegment[] s = new MemorySegment[NAMES.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = find.apply(NAMES[i]);
            if (s[i] == null) {
                return null;
            }
        }
        return new FfmSim(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12],
                s[13], s[14], s[15], s[16], s[17], s[18], s[19], s[20], s[21], s[22], s[23]);
    }
}
