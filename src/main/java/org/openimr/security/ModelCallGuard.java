package org.openimr.security;

import java.beans.FeatureDescriptor;
import java.lang.reflect.AccessibleObject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The run-time half of the rules for models, around the resolvers an expression is evaluated
 * with: whatever a model says, a method is called only on a listed bean ({@link ModelApi}), the
 * execution or task (their listed methods) or the date of {@code dateTime()}, and a property is
 * read only of a map, a list, an array or the execution or task (their listed properties). Nothing
 * of {@code java.lang.Class}, {@code java.lang.reflect}, a ClassLoader, Runtime, ProcessBuilder,
 * System or Thread is ever called or read. A model that got past the deployment guard (deployed
 * before it existed, written into the database) fails where it would run code: its job fails and
 * becomes an incident.
 */
public final class ModelCallGuard extends ELResolver {

    private static final List<Class<?>> NEVER = List.of(Class.class, ClassLoader.class, Runtime.class,
            ProcessBuilder.class, System.class, Thread.class, AccessibleObject.class);

    private final ELResolver resolvers;
    private final Function<Object, Set<String>> beanMethods;
    private final boolean engineScopes;

    /**
     * @param beanMethods for a listed bean, the methods a model may call on it; null for any other object
     */
    ModelCallGuard(ELResolver resolvers, Function<Object, Set<String>> beanMethods) {
        this(resolvers, beanMethods, true);
    }

    private ModelCallGuard(ELResolver resolvers, Function<Object, Set<String>> beanMethods, boolean engineScopes) {
        this.resolvers = resolvers;
        this.beanMethods = beanMethods;
        this.engineScopes = engineScopes;
    }

    /**
     * For the expressions of decision tables (legacy FEEL's, and the standalone DMN engine's JUEL):
     * variables and what maps and lists hold, and no call at all.
     */
    public static ELResolver valuesOnly(ELResolver resolvers) {
        return new ModelCallGuard(resolvers, base -> null, false);
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
        if (engineScopes && base instanceof VariableScope && ModelApi.SCOPE_METHODS.contains(method)) {
            return;
        }
        Set<String> methods = beanMethods.apply(base);
        if (methods != null && methods.contains(method)) {
            return;
        }
        if (engineScopes && ModelApi.DATE_TIME_CLASS.equals(base.getClass().getName())
                && ModelApi.DATE_TIME_METHODS.contains(method)) {
            return;
        }
        throw refused("call " + method + "() on " + base.getClass().getName());
    }

    private void checkRead(Object base, Object property) {
        refuseNever(base, "read " + property + " of");
        if (base instanceof Map || base instanceof List || base.getClass().isArray()) {
            return;
        }
        if (engineScopes && base instanceof VariableScope
                && ModelApi.SCOPE_PROPERTIES.contains(String.valueOf(property))) {
            return;
        }
        throw refused("read " + property + " of " + base.getClass().getName());
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
