package io.github.tapibridge.test;

import io.github.tapibridge.Backend;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of a class (or one test method) with the {@link TapiSimulatorExtension}: each
 * test gets a fresh isolated simulated switch, and its parameters of type
 * {@link io.github.tapibridge.sim.Simulator} and {@link io.github.tapibridge.Tapi} are injected.
 *
 * <pre>{@code
 * @TapiSimulatorTest(topology = "twoLines")
 * class DialerTest {
 *
 *     static Topology twoLines() {
 *         return Topology.builder().lines(2).build();
 *     }
 *
 *     @Test
 *     void callsBack(Simulator sim, Tapi tapi) throws Exception {
 *         sim.station("201").busy();
 *         // ... the code under test, on tapi.openLine(0) ...
 *     }
 * }
 * }</pre>
 *
 * <p>On a class, the attributes apply to every test of it, of its subclasses and of its
 * {@code @Nested} classes; on a method, they replace the class's for that test (the nearest
 * annotation wins as a whole). The annotation may also be used as a meta-annotation of an
 * annotation of your own.
 *
 * @see TapiSimulatorExtension
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TapiSimulatorExtension.class)
public @interface TapiSimulatorTest {

    /**
     * The backend of the injected {@link io.github.tapibridge.Tapi} applications
     * ({@link io.github.tapibridge.TapiConfig.Builder#backend(Backend)}).
     * {@link Backend#JNA} needs JNA on the test class path.
     *
     * @return the backend; {@link Backend#JNI} by default
     */
    Backend backend() default Backend.JNI;

    /**
     * The shape of the switch: the name of a method without parameters that returns a
     * {@link io.github.tapibridge.sim.Topology}, applied with
     * {@link io.github.tapibridge.sim.Simulator#configure(io.github.tapibridge.sim.Topology)}
     * before any application opens. Either a method of the test class (or a superclass or an
     * enclosing class), {@code "twoLines"}, static or, for the test class itself, an instance
     * method; or a static method of another class, {@code "com.example.Switches#twoLines"}.
     *
     * @return the method name; empty (the default) keeps the switch's default topology: line
     *         devices 0 to 3, numbers {@code "100"} to {@code "103"}
     */
    String topology() default "";

    /**
     * Whether the test fails when, after it, an injected application that is still open has a
     * request left unanswered ({@link io.github.tapibridge.Tapi#pendingRequests()}) or holds
     * more or fewer native memory blocks than right after it opened
     * ({@link io.github.tapibridge.Tapi#nativeAllocations()}); see
     * {@link TapiSimulatorExtension} for when they are checked. Set it to false for a test that
     * leaves requests pending on purpose.
     *
     * @return true (the default) to check
     */
    boolean leakCheck() default true;
}
