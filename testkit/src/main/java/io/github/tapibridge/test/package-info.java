/**
 * JUnit 5 support for tests of telephony code written with tapibridge: annotate a test class
 * with {@link io.github.tapibridge.test.TapiSimulatorTest}, and each test gets a fresh isolated
 * simulated switch ({@link io.github.tapibridge.sim.Simulator#create()}) and
 * {@link io.github.tapibridge.Tapi} applications open on it as parameters; after the test the
 * {@link io.github.tapibridge.test.TapiSimulatorExtension} fails it if a request is left
 * unanswered or native memory was not given back, and attaches the call flow (the switch's trace
 * as a {@linkplain io.github.tapibridge.sim.Ladder ladder}) to every failure. Tests that use it
 * may run in JUnit's parallel mode.
 *
 * <p>The guide is {@code docs/testing.md} in the repository.
 */
package io.github.tapibridge.test;
