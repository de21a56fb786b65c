package org.openimr.security;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.openimr.system.ModelCallGuard;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with the model rules at run time: expressions see process
 * variables, the execution and task, and the beans listed for models (not the whole application
 * context, as Camunda's Spring integration would give them), through {@link ModelCallGuard}.
 * Process models, DMN input expressions and output entries, and Tasklist's saved filters all
 * evaluate here.
 */
final class GuardedExpressionManager extends JuelExpressionManager {

    private final ApplicationContext context;

    GuardedExpressionManager(ApplicationContext context) {
        this.context = context;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolvers = new CompositeELResolver();
        resolvers.add(new VariableScopeElResolver());
        resolvers.add(new VariableContextElResolver());
        resolvers.add(new ModelBeans(context));
        resolvers.add(new ArrayELResolver());
        resolvers.add(new ListELResolver());
        resolvers.add(new MapELResolver());
        resolvers.add(new BeanELResolver());
        return new ModelCallGuard(resolvers, new ModelCalls());
    }

    /**
     * What {@link ModelApi} lists: the listed methods of the beans for models, of the execution or
     * task and of {@code dateTime()}'s date; the listed properties of the execution or task.
     */
    private final class ModelCalls implements ModelCallGuard.Allowed {

        @Override
        public boolean call(Object base, String method) {
            if (base instanceof VariableScope) {
                return ModelApi.SCOPE_METHODS.contains(method);
            }
            if (ModelApi.DATE_TIME_CLASS.equals(base.getClass().getName())) {
                return ModelApi.DATE_TIME_METHODS.contains(method);
            }
            for (Map.Entry<String, Set<String>> bean : ModelApi.BEANS.entrySet()) {
                if (context.getBean(bean.getKey()) == base) {
                    return bean.getValue().contains(method);
                }
            }
            return false;
        }

        @Override
        public boolean read(Object base, String property) {
            return base instanceof VariableScope && ModelApi.SCOPE_PROPERTIES.contains(property);
        }
    }

    /** The beans listed for models, by name; no other bean of the application. */
    private static final class ModelBeans extends ELResolver {

        private final ApplicationContext context;
        private final Set<String> names = ModelApi.beanNames();

        ModelBeans(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public Object getValue(ELContext elContext, Object base, Object property) {
            if (base == null && names.contains(property)) {
                elContext.setPropertyResolved(true);
                return context.getBean((String) property);
            }
            return null;
        }

        @Override
        public boolean isReadOnly(ELContext elContext, Object base, Object property) {
            return true;
        }

        @Override
        public void setValue(ELContext elContext, Object base, Object property, Object value) {
            if (base == null && names.contains(property)) {
                throw new PropertyNotWritableException("Bean " + property + " cannot be written");
            }
        }

        @Override
        public Class<?> getType(ELContext elContext, Object base, Object property) {
            return null;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
            return Object.class;
        }
    }
}
