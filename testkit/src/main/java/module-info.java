/**
 * tapibridge-test: JUnit 5 support for testing telephony code written with tapibridge against
 * isolated simulated switches. See {@link io.github.tapibridge.test.TapiSimulatorTest}.
 */
module io.github.tapibridge.test {
    // The annotation's attributes and the injected parameters are tapibridge and JUnit types.
    requires transitive io.github.tapibridge;
    requires transitive org.junit.jupiter.api;

    exports io.github.tapibridge.test;
}
