package io.github.tapibridge.sim;

import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CompletionCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The shape of a simulated switch: how many line devices, each one's number and name, its
 * addresses, each address's call completion caps and messages, and the completion timers. Applied with
 * {@link Simulator#configure(Topology)} after {@link Simulator#reset()} and before any
 * {@code Tapi} is opened on the simulator.
 *
 * <pre>{@code
 * sim.reset();
 * sim.configure(Topology.builder()
 *         .lines(6)
 *         .line(0, "200", "Reception")
 *         .completionCaps(0, 2, EnumSet.of(CALLBACK, CAMPON), EnumSet.of(CompletionCondition.BUSY))
 *         .completionMessages(0, List.of("Please call reception"))
 *         .addresses(1, "300", "301")            // line 1: address 0 is "300", address 1 "301"
 *         .completionCaps(1, 1, 1, EnumSet.of(CALLBACK), EnumSet.of(CompletionCondition.BUSY))
 *         .guardTime(Duration.ofSeconds(5))
 *         .build());
 * }</pre>
 *
 * <p>A line has one address (address ID 0) whose number is the line's, unless
 * {@link Builder#addresses(int, String...)} gives it up to {@value #MAX_ADDRESSES}, each with its
 * own number, unique in the switch ({@code LINEDEVCAPS dwNumAddresses}, {@code LINEADDRESSCAPS
 * dwAddress}). A call to an address's number is offered on its line on that address
 * ({@link io.github.tapibridge.CallInfo#addressId()}, {@code calledId} that number). Each address
 * is a {@linkplain Station station} of its own: busy while a call on it is active, whatever the
 * line's other addresses do, and {@code completeCall} honours the caps of the call's address.
 * The builder methods without an address ID set address 0. What is not set stays as by default: line {@code i} has the number
 * {@code "1"} followed by {@code i} in two digits ({@code "100"}, {@code "101"}, ...), the name
 * {@code "Simulated line <number>"}, up to 4 completions in every mode for both conditions, and
 * three completion messages; the timers are 2 s (guard), 20 s (recall ring), 45 min (expiry of a
 * BUSY request) and 180 min (expiry of a NOANSWER request), which {@link SimulatorOptions} can
 * also set while applications are open. The values are checked when the
 * topology is {@linkplain Builder#build() built}, so applying it fails only if the switch is in
 * use. Immutable and thread-safe.
 */
public final class Topology {

    /** Line devices at most ({@code TAPISIM_MAX_LINES}). */
    public static final int MAX_LINES = 64;
    /** Characters of a line name or of a completion message at most ({@code TAPISIM_NAME_MAX}). */
    public static final int MAX_TEXT = 63;
    /** Completion messages of a line at most ({@code TAPISIM_MAX_COMPLETION_MESSAGES}). */
    public static final int MAX_COMPLETION_MESSAGES = 8;
    /** {@code dwMaxCallCompletions} at most ({@code TAPISIM_MAX_CALL_COMPLETIONS}). */
    public static final int MAX_CALL_COMPLETIONS = 64;
    /** Addresses of a line at most ({@code TAPISIM_MAX_ADDRESSES}). */
    public static final int MAX_ADDRESSES = 8;

    private static final Pattern NUMBER = Pattern.compile("[0-9A-D*#+]{1,31}");
    private static final Pattern TEXT = Pattern.compile("[\\x20-\\x7E]{1," + MAX_TEXT + "}");

    record Line(String number, String name) {
    }

    record Caps(int max, int modes, int conditions) {
    }

    /** An address of a line; sorted by device, then address. */
    record Address(int device, int address) implements Comparable<Address> {
        @Override
        public int compareTo(Address o) {
            return device != o.device ? Integer.compare(device, o.device) : Integer.compare(address, o.address);
        }

        @Override
        public String toString() {
            return device + "/" + address;
        }
    }

    final int lines;
    final Map<Integer, Line> names;
    /** The numbers of a line's addresses, '\n'-separated ({@code tapisim_set_addresses}). */
    final Map<Integer, String> addresses;
    final Map<Address, Caps> caps;
    final Map<Address, String> messages;
    final Map<String, Integer> timers;

    private Topology(Builder b) {
        lines = b.lines;
        names = Map.copyOf(b.names);
        Map<Integer, String> a = new TreeMap<>();
        b.addresses.forEach((id, numbers) -> a.put(id, String.join("\n", numbers)));
        addresses = Map.copyOf(a);
        caps = Map.copyOf(b.caps);
        messages = Map.copyOf(b.messages);
        timers = Map.copyOf(b.timers);
    }

    /** @return a builder of the default topology (4 lines) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of line devices */
    public int lines() {
        return lines;
    }

    @Override
    public String toString() {
        return "Topology[lines=" + lines + ", names=" + names + ", addresses=" + addresses + ", caps=" + caps
                + ", messages=" + messages + ", timers=" + timers + "]";
    }

    /** Builds a {@link Topology}. Not thread-safe. */
    public static final class Builder {

        private int lines = 4;
        private final Map<Integer, Line> names = new TreeMap<>();
        private final Map<Integer, List<String>> addresses = new TreeMap<>();
        private final Map<Address, Caps> caps = new TreeMap<>();
        private final Map<Address, String> messages = new TreeMap<>();
        private final Map<String, Integer> timers = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets how many line devices the switch has (device IDs 0 to {@code count - 1}).
         *
         * @param count 1 to {@value Topology#MAX_LINES}
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is out of range
         */
        public Builder lines(int count) {
            if (count < 1 || count > MAX_LINES) {
                throw new IllegalArgumentException("lines must be 1 to " + MAX_LINES + ": " + count);
            }
            lines = count;
            return this;
        }

        /**
         * Sets a line's number (also the number of its address 0) and name ({@code LINEDEVCAPS}
         * line name).
         *
         * @param deviceId the line device ID, below {@link #lines(int)} when built
         * @param number dialable: 1 to 31 of {@code 0-9 A-D * # +}, unique among the addresses of
         *        the switch, and the first of {@link #addresses(int, String...)} if those are set
         * @param name 1 to {@value Topology#MAX_TEXT} printable ASCII characters, or null for the
         *        default {@code "Simulated line <number>"}
         * @return this builder
         * @throws NullPointerException if {@code number} is null
         * @throws IllegalArgumentException if a value is not as described
         */
        public Builder line(int deviceId, String number, String name) {
            index(deviceId);
            number(number);
            if (name != null) {
                text(name, "name");
            }
            names.put(deviceId, new Line(number, name));
            return this;
        }

        /**
         * Gives a line several addresses ({@code tapisim_set_addresses}): address ID {@code i}
         * gets {@code numbers[i]}, and {@code numbers[0]} is the line's number. A call to one of
         * the numbers is offered on the line on that address. The new addresses have the default
         * caps and messages unless set with {@link #completionCaps(int, int, int, Set, Set)} and
         * {@link #completionMessages(int, int, List)}.
         *
         * @param deviceId the line device ID
         * @param numbers 1 to {@value Topology#MAX_ADDRESSES} dialable numbers (as for
         *        {@link #line(int, String, String)}), unique in the switch
         * @return this builder
         * @throws NullPointerException if {@code numbers} or one of them is null
         * @throws IllegalArgumentException if a value is not as described
         */
        public Builder addresses(int deviceId, String... numbers) {
            index(deviceId);
            List<String> copy = List.copyOf(Arrays.asList(Objects.requireNonNull(numbers, "numbers")));
            if (copy.isEmpty() || copy.size() > MAX_ADDRESSES) {
                throw new IllegalArgumentException("1 to " + MAX_ADDRESSES + " addresses: " + copy.size());
            }
            copy.forEach(Builder::number);
            if (copy.stream().distinct().count() != copy.size()) {
                throw new IllegalArgumentException("two addresses have the same number: " + copy);
            }
            addresses.put(deviceId, copy);
            return this;
        }

        /**
         * Sets the call completion caps of a line's address 0 ({@code LINEADDRESSCAPS}
         * {@code dwMaxCallCompletions}, {@code dwCallCompletionModes},
         * {@code dwCallCompletionConds}). The switch honours them: {@code completeCall} with a mode
         * or on a condition not listed, or past the maximum, fails. A maximum of 0 or no modes
         * means the line offers no call completion.
         *
         * @param deviceId the line device ID
         * @param maxCompletions 0 to {@value Topology#MAX_CALL_COMPLETIONS}
         * @param modes the completion modes offered
         * @param conditions the call conditions on which completion is offered
         * @return this builder
         * @throws NullPointerException if a set is null
         * @throws IllegalArgumentException if {@code maxCompletions} is out of range
         */
        public Builder completionCaps(int deviceId, int maxCompletions, Set<CallCompletionMode> modes,
                Set<CompletionCondition> conditions) {
            return completionCaps(deviceId, 0, maxCompletions, modes, conditions);
        }

        /**
         * Sets the call completion caps of one address of a line, as
         * {@link #completionCaps(int, int, Set, Set)} does for address 0
         * ({@code tapisim_set_address_completion_caps}).
         *
         * @param deviceId the line device ID
         * @param addressId the address, below the number of {@link #addresses(int, String...)}
         *        when built (1 if they are not set)
         * @param maxCompletions 0 to {@value Topology#MAX_CALL_COMPLETIONS}
         * @param modes the completion modes offered
         * @param conditions the call conditions on which completion is offered
         * @return this builder
         * @throws NullPointerException if a set is null
         * @throws IllegalArgumentException if {@code addressId} or {@code maxCompletions} is out
         *         of range
         */
        public Builder completionCaps(int deviceId, int addressId, int maxCompletions,
                Set<CallCompletionMode> modes, Set<CompletionCondition> conditions) {
            index(deviceId);
            addressIndex(addressId);
            if (maxCompletions < 0 || maxCompletions > MAX_CALL_COMPLETIONS) {
                throw new IllegalArgumentException(
                        "maxCompletions must be 0 to " + MAX_CALL_COMPLETIONS + ": " + maxCompletions);
            }
            caps.put(new Address(deviceId, addressId), new Caps(maxCompletions,
                    CallCompletionMode.maskOf(Objects.requireNonNull(modes, "modes")),
                    CompletionCondition.maskOf(Objects.requireNonNull(conditions, "conditions"))));
            return this;
        }

        /**
         * Sets the completion messages of a line's address 0 ({@code LINEADDRESSCAPS} completion
         * message texts;
         * {@code MESSAGE} completions accept the message IDs 0 to {@code texts.size() - 1}).
         *
         * @param deviceId the line device ID
         * @param texts 0 to {@value Topology#MAX_COMPLETION_MESSAGES} texts, each 1 to
         *        {@value Topology#MAX_TEXT} printable ASCII characters
         * @return this builder
         * @throws NullPointerException if {@code texts} or one of them is null
         * @throws IllegalArgumentException if a value is not as described
         */
        public Builder completionMessages(int deviceId, List<String> texts) {
            return completionMessages(deviceId, 0, texts);
        }

        /**
         * Sets the completion messages of one address of a line, as
         * {@link #completionMessages(int, List)} does for address 0
         * ({@code tapisim_set_address_completion_messages}).
         *
         * @param deviceId the line device ID
         * @param addressId the address, below the number of {@link #addresses(int, String...)}
         *        when built (1 if they are not set)
         * @param texts as for {@link #completionMessages(int, List)}
         * @return this builder
         * @throws NullPointerException if {@code texts} or one of them is null
         * @throws IllegalArgumentException if a value is not as described
         */
        public Builder completionMessages(int deviceId, int addressId, List<String> texts) {
            index(deviceId);
            addressIndex(addressId);
            List<String> copy = new ArrayList<>(Objects.requireNonNull(texts, "texts"));
            if (copy.size() > MAX_COMPLETION_MESSAGES) {
                throw new IllegalArgumentException("at most " + MAX_COMPLETION_MESSAGES + " messages: " + copy.size());
            }
            for (String t : copy) {
                text(Objects.requireNonNull(t, "text"), "message");
            }
            messages.put(new Address(deviceId, addressId), String.join("\n", copy));
            return this;
        }

        /**
         * Sets the guard time: how long a completion target must stay free before the switch
         * serves a request ({@code "guard_ms"}).
         *
         * @param time 0 to 2^31 - 1 ms
         * @return this builder
         */
        public Builder guardTime(Duration time) {
            return timer("guard_ms", time);
        }

        /**
         * Sets how long a CALLBACK recall rings before it gives up ({@code "recall_ring_ms"}).
         *
         * @param time 0 to 2^31 - 1 ms
         * @return this builder
         */
        public Builder recallRingTime(Duration time) {
            return timer("recall_ring_ms", time);
        }

        /**
         * Sets how long a request on a BUSY target lives before it expires ({@code "expiry_busy_ms"}).
         *
         * @param time 0 to 2^31 - 1 ms
         * @return this builder
         */
        public Builder expiryBusy(Duration time) {
            return timer("expiry_busy_ms", time);
        }

        /**
         * Sets how long a request on a NOANSWER target lives before it expires
         * ({@code "expiry_noanswer_ms"}).
         *
         * @param time 0 to 2^31 - 1 ms
         * @return this builder
         */
        public Builder expiryNoAnswer(Duration time) {
            return timer("expiry_noanswer_ms", time);
        }

        /**
         * @return the topology
         * @throws IllegalArgumentException if a line setting names a device ID not below
         *         {@link #lines(int)} or an address the line does not have, two addresses have the
         *         same number, or a line's number is not the first of its addresses
         */
        public Topology build() {
            List<Integer> devices = new ArrayList<>(names.keySet());
            devices.addAll(addresses.keySet());
            caps.keySet().forEach(a -> devices.add(a.device()));
            messages.keySet().forEach(a -> devices.add(a.device()));
            for (int id : devices) {
                if (id >= lines) {
                    throw new IllegalArgumentException("device " + id + " of " + lines + " lines");
                }
            }
            for (Map<Address, ?> m : List.of(caps, messages)) {
                for (Address a : m.keySet()) {
                    int count = addresses.containsKey(a.device()) ? addresses.get(a.device()).size() : 1;
                    if (a.address() >= count) {
                        throw new IllegalArgumentException("address " + a.address() + " of line " + a.device()
                                + ", which has " + count);
                    }
                }
            }
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                Line l = names.get(i);
                List<String> own = addresses.get(i);
                if (l != null && own != null && !l.number().equals(own.get(0))) {
                    throw new IllegalArgumentException("line " + i + " has the number " + l.number()
                            + " but its address 0 the number " + own.get(0));
                }
                if (own != null) {
                    numbers.addAll(own);
                } else {
                    numbers.add(l != null ? l.number() : String.format("1%02d", i));
                }
            }
            if (numbers.stream().distinct().count() != numbers.size()) {
                throw new IllegalArgumentException("two addresses have the same number: " + numbers);
            }
            return new Topology(this);
        }

        private Builder timer(String option, Duration time) {
            long ms = Objects.requireNonNull(time, "time").toMillis();
            if (time.isNegative() || ms > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be 0 to 2^31 - 1 ms: " + time);
            }
            timers.put(option, (int) ms);
            return this;
        }

        private static void number(String number) {
            Objects.requireNonNull(number, "number");
            if (!NUMBER.matcher(number).matches()) {
                throw new IllegalArgumentException("not a dialable number: \"" + number + "\"");
            }
        }

        private static void addressIndex(int addressId) {
            if (addressId < 0 || addressId >= MAX_ADDRESSES) {
                throw new IllegalArgumentException("address ID must be 0 to " + (MAX_ADDRESSES - 1) + ": " + addressId);
            }
        }

        private static void index(int deviceId) {
            if (deviceId < 0 || deviceId >= MAX_LINES) {
                throw new IllegalArgumentException("device ID must be 0 to " + (MAX_LINES - 1) + ": " + deviceId);
            }
        }

        private static void text(String s, String what) {
            if (!TEXT.matcher(s).matches()) {
                throw new IllegalArgumentException(
                        what + " must be 1 to " + MAX_TEXT + " printable ASCII characters: \"" + s + "\"");
            }
        }
    }
}
