package io.github.tapibridge;

import io.github.tapibridge.internal.TapiStrings;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How to open a {@link Tapi}: which provider library, which backend, the application name shown to
 * TAPI, the range of API versions to negotiate, and where listeners run.
 *
 * <pre>{@code
 * TapiConfig cfg = TapiConfig.builder()
 *         .provider(Provider.simulator())
 *         .backend(Backend.JNI)
 *         .appName("my app")
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the builder is not thread-safe.
 *
 * @see Tapi#open(TapiConfig)
 */
public final class TapiConfig {

    /** The application name used when none is set. */
    public static final String DEFAULT_APP_NAME = "tapibridge";

    private final Provider provider;
    private final Backend backend;
    private final String appName;
    private final TapiVersion minApiVersion;
    private final TapiVersion maxApiVersion;
    private final Executor listenerExecutor;

    private TapiConfig(Builder b) {
        this.provider = b.provider;
        this.backend = b.backend;
        this.appName = b.appName;
        this.minApiVersion = b.minApiVersion;
        this.maxApiVersion = b.maxApiVersion;
        this.listenerExecutor = b.listenerExecutor;
    }

    /**
     * The default configuration: the system provider ({@code tapi32.dll}) on Windows and the
     * bundled simulator on every other operating system, the JNI backend, the application name
     * {@value #DEFAULT_APP_NAME}, API versions 2.0 to 3.1, listeners on the event pump thread.
     *
     * @return the default configuration
     */
    public static TapiConfig defaults() {
        return builder().build();
    }

    /**
     * Returns a builder initialised with the {@linkplain #defaults() defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this configuration.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.provider = provider;
        b.backend = backend;
        b.appName = appName;
        b.minApiVersion = minApiVersion;
        b.maxApiVersion = maxApiVersion;
        b.listenerExecutor = listenerExecutor;
        return b;
    }

    /**
     * Returns the provider library.
     *
     * @return the provider
     */
    public Provider provider() {
        return provider;
    }

    /**
     * Returns the backend.
     *
     * @return the backend
     */
    public Backend backend() {
        return backend;
    }

    /**
     * Returns the application name passed to {@code lineInitializeExW}.
     *
     * @return the name
     */
    public String appName() {
        return appName;
    }

    /**
     * Returns the lowest API version to accept when negotiating with a line device.
     *
     * @return the lowest version
     */
    public TapiVersion minApiVersion() {
        return minApiVersion;
    }

    /**
     * Returns the highest API version: passed to {@code lineInitializeExW} and the upper bound
     * when negotiating with a line device.
     *
     * @return the highest version
     */
    public TapiVersion maxApiVersion() {
        return maxApiVersion;
    }

    /**
     * Returns the executor that runs listeners, if one was configured.
     *
     * @return the executor, or empty if listeners run on the event pump thread
     */
    public Optional<Executor> listenerExecutor() {
        return Optional.ofNullable(listenerExecutor);
    }

    @Override
    public String toString() {
        return "TapiConfig[provider=" + provider + ", backend=" + backend + ", appName=" + appName
                + ", apiVersions=" + minApiVersion + ".." + maxApiVersion
                + (listenerExecutor != null ? ", listenerExecutor=" + listenerExecutor : "") + "]";
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Builds a {@link TapiConfig}. Not thread-safe.
     */
    public static final class Builder {
        private Provider provider = isWindows() ? Provider.system() : Provider.simulator();
        private Backend backend = Backend.JNI;
        private String appName = DEFAULT_APP_NAME;
        private TapiVersion minApiVersion = TapiVersion.V2_0;
        private TapiVersion maxApiVersion = TapiVersion.V3_1;
        private Executor listenerExecutor;

        private Builder() {
        }

        /**
         * Sets the provider library.
         *
         * @param provider the provider
         * @return this builder
         * @throws NullPointerException if {@code provider} is null
         */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Sets the backend.
         *
         * @param backend the backend
         * @return this builder
         * @throws NullPointerException if {@code backend} is null
         */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Sets the application name that TAPI shows for this application (for example in the
         * {@code LINECALLINFO} of calls it makes).
         *
         * @param appName the name
         * @return this builder
         * @throws NullPointerException if {@code appName} is null
         * @throws IllegalArgumentException if {@code appName} is longer than 1,024 UTF-16 units or
         *         contains U+0000
         */
        public Builder appName(String appName) {
            this.appName = TapiStrings.check(Objects.requireNonNull(appName, "appName"), "appName");
            return this;
        }

        /**
         * Sets the range of API versions: {@code max} is passed to {@code lineInitializeExW}, and
         * each line device is negotiated within {@code [min, max]}
         * ({@code lineNegotiateAPIVersion}).
         *
         * @param min the lowest acceptable version
         * @param max the highest version; at least 2.0, since the event model
         *        ({@code lineGetMessage}) needs TAPI 2.0
         * @return this builder
         * @throws NullPointerException if a version is null
         * @throws IllegalArgumentException if {@code min > max} or {@code max < 2.0}
         */
        public Builder apiVersions(TapiVersion min, TapiVersion max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("API version range is empty: " + min + ".." + max);
            }
            if (!max.isAtLeast(TapiVersion.V2_0)) {
                throw new IllegalArgumentException(
                        "The highest API version must be at least 2.0 (lineGetMessage): " + max);
            }
            this.minApiVersion = min;
            this.maxApiVersion = max;
            return this;
        }

        /**
         * Sets the executor that runs listeners. Events still reach listeners one at a time and in
         * message order (the library serialises the tasks it submits), but on the executor's
         * threads instead of the event pump thread, so a listener may block (for example on a
         * future) without stalling event processing.
         *
         * @param executor the executor, or null to run listeners on the event pump thread
         * @return this builder
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = executor;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public TapiConfig build() {
            return new TapiConfig(this);
        }
    }
}
