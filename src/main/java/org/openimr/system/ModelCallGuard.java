package org.openimr.system;

import java.beans.FeatureDescriptor;
import java.lang.reflect.AccessibleObject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The run-time half of the rules for models, around the resolvers an expression is evaluated
 * with: whatever a model says, a method is called and a property read only when the given
 * {@link Allowed} says so (a property of a map, a list or an array is always read). Nothing of
 * {@code java.lang.Class}, {@code java.lang.reflect}, a ClassLoader, Runtime, ProcessBuilder,
 * System or Thread is ever called or read, whatever is allowed. A model that got past the
 * deployment guard (deployed before it existed, written into the database) fails where it would
 * run code: its job fails and becomes an incident. Here, apart from the process engine's list
 * of what models may call, because decision tables evaluated outside the engine (the impact
 * analysis) use it too.
 */
public final class ModelCallGuard extends ELResolver {

    private static final List<Class<?>> NEVER = List.of(Class.class, ClassLoader.class, Runtime.class,
            ProcessBuilder.class, System.class, Thread.class, AccessibleObject.class);

    /** What a model may call and read beyond the values of maps, lists and arrays. */
    public interface Allowed {

        boolean call(Object base, String method);

        boolean read(Object base, String property);
    }

    private static final Allowed NOTHING = new Allowed() {

        @Override
        public boolean call(Object base, String method) {
            return false;
        }

        @Override
        public boolean read(Object base, String property) {
            return false;
        }
    };

    private final ELResolver resolvers;
    private final Allowed allowed;

    public ModelCallGuard(ELResolver resolvers, Allowed allowed) {
        this.resolvers = resolvers;
        this.allowed = allowed;
    }

    /**
     * For the expressions of decision tables (legacy FEEL's, and the standalone DMN engine's JUEL):
     * variables and what maps and lists hold, and no call at all.
     */
    public static ELResolver valuesOnly(ELResolver resolvers) {
        return new ModelCallGuard(resolvers, NOTHING);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null) {
            checkRead(base, property);
        }
        return resolvers.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (base != null) {
            checkRead(base, property);
        }
        return resolvers.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            throw refused("write " + property + " of " + base.getClass().getName());
        }
        resolvers.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return base != null || resolvers.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return resolvers.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return resolvers.getCommonPropertyType(context, base);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        checkCall(base, String.valueOf(method));
        return resolvers.invoke(context, base, method, paramTypes, params);
    }

    private void checkCall(Object base, String method) {
        if (base == null) {
            throw refused("call " + method + "()");
        }
        refuseNever(base, "call " + method + "() on");
        if (!allowed.call(base, method)) {
            throw refused("call " + method + "() on " + base.getClass().getName());
        }
    }

    private void checkRead(Object base, Object property) {
        refuseNever(base, "read " + property + " of");
        if (!(base instanceof Map || base instanceof List || base.getClass().isArray()
                || allowed.read(base, String.valueOf(property)))) {
            throw refused("read " + property + " of " + base.getClass().getName());
        }
    }

    private static void refuseNever(Object base, String what) {
        for (Class<?> type : NEVER) {
            if (type.isInstance(base)) {
                throw refused(what + " " + type.getName());
            }
        }
    }

    private static ELException refused(String what) {
        return new ELException("A model may not " + what + " (docs/security.md, \"What a model may contain\")");
    }
}
