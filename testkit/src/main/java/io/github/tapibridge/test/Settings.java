package io.github.tapibridge.test;

import io.github.tapibridge.Backend;
import io.github.tapibridge.sim.Topology;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What {@link TapiSimulatorTest} asks for one test: the nearest annotation (the method's, else
 * its class's, else an enclosing class's), or the defaults when the extension was registered
 * without it.
 */
record Settings(Backend backend, String topology, boolean leakCheck) {

    static final Settings DEFAULTS = new Settings(Backend.JNI, "", true);

    /** Looks up the settings of the test of {@code context}, from the test method outwards. */
    static Settings of(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<TapiSimulatorTest> a = AnnotationSupport.findAnnotation(c.get().getElement(),
                    TapiSimulatorTest.class);
            if (a.isPresent()) {
                return new Settings(a.get().backend(), a.get().topology(), a.get().leakCheck());
            }
        }
        return DEFAULTS;
    }

    /**
     * Calls the topology method, or returns empty if none is named.
     *
     * @throws ExtensionConfigurationException if the method cannot be found or called, or does
     *         not return a Topology
     */
    Optional<Topology> topology(ExtensionContext context) {
        if (topology.isEmpty()) {
            return Optional.empty();
        }
        Object instance = null;
        Method method;
        int hash = topology.indexOf('#');
        if (hash >= 0) {
            String className = topology.substring(0, hash);
            Class<?> owner = ReflectionSupport.tryToLoadClass(className).toOptional()
                    .orElseThrow(() -> invalid("class " + className + " not found"));
            method = find(owner, topology.substring(hash + 1));
            if (!Modifier.isStatic(method.getModifiers())) {
                throw invalid(method + " must be static");
            }
        } else {
            method = null;
            for (Class<?> c = context.getRequiredTestClass(); c != null && method == null; c = c.getEnclosingClass()) {
                method = ReflectionSupport.findMethod(c, topology).orElse(null);
            }
            if (method == null) {
                throw invalid("no method " + topology + "() in " + context.getRequiredTestClass().getName()
                        + ", its superclasses or enclosing classes");
            }
            Method found = method;
            if (!Modifier.isStatic(found.getModifiers())) {
                instance = context.getTestInstance()
                        .filter(i -> found.getDeclaringClass().isInstance(i))
                        .orElseThrow(() -> invalid(found + " must be static (it is not a method of the test instance)"));
            }
        }
        if (!Topology.class.isAssignableFrom(method.getReturnType())) {
            throw invalid(method + " returns " + method.getReturnType().getName() + ", not Topology");
        }
        Object result = ReflectionSupport.invokeMethod(method, instance);
        if (result == null) {
            throw invalid(method + " returned null");
        }
        return Optional.of((Topology) result);
    }

    private Method find(Class<?> owner, String name) {
        return ReflectionSupport.findMethod(owner, name)
                .orElseThrow(() -> invalid("no method " + name + "() in " + owner.getName()));
    }

    private ExtensionConfigurationException invalid(String why) {
        return new ExtensionConfigurationException("@TapiSimulatorTest(topology = \"" + topology
                + "\"): " + why);
    }
}
