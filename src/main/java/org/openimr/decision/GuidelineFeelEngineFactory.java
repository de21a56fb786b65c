package org.openimr.decision;

import java.lang.reflect.Method;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.juel.TransformExpressionCacheKey;
import org.camunda.bpm.dmn.feel.impl.juel.el.CompositeFunctionMapper;
import org.camunda.bpm.dmn.feel.impl.juel.el.ElContextFactory;
import org.camunda.bpm.dmn.feel.impl.juel.el.FeelElContextFactory;
import org.camunda.bpm.dmn.feel.impl.juel.el.FeelFunctionMapper;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.camunda.commons.utils.cache.Cache;
import org.openimr.system.ModelCallGuard;

/**
 * The legacy FEEL engine with faster caches. (1) Its FEEL-to-JUEL translations: the stock cache is
 * an LRU list that every hit walks (ConcurrentLinkedQueue.remove): with the input entries of the
 * guideline tables that walk cost more than evaluating the table. The entries are the tables' own
 * texts, a finite set, so a plain concurrent map serves; it is emptied if ever it grows past a
 * bound (many uploaded candidate tables). (2) The parsed JUEL expressions: the stock cache holds
 * 1,000, fewer than the tables' distinct entries, and a miss parses the entry again; it holds
 * {@link #MAX_ENTRIES} here. (3) The dates of {@code date and time("...")} entries (the edition
 * gate's): the stock function parses the text on every evaluation; here each text is parsed once.
 * Legacy FEEL pastes an entry's endpoints into JUEL, so its expressions resolve values only and
 * call no method ({@link ModelCallGuard#valuesOnly}), whatever a table deployed in the past holds.
 */
final class GuidelineFeelEngineFactory extends FeelEngineFactoryImpl {

    static final int MAX_ENTRIES = 20_000;
    private static final Map<String, Date> DATES = new ConcurrentHashMap<>();
    private static final Method DATE_AND_TIME = cachedDateAndTime();

    GuidelineFeelEngineFactory() {
        super(MAX_ENTRIES);
    }

    /** The stock function for {@code date and time("...")} entries, with each text parsed once. */
    public static Date dateAndTime(String text) {
        Date parsed = DATES.get(text);
        if (parsed == null) {
            if (DATES.size() >= MAX_ENTRIES) {
                DATES.clear();
            }
            parsed = FeelFunctionMapper.parseDateAndTime(text);
            DATES.put(text, parsed);
        }
        // A copy: Date is mutable and the cached one is shared between threads.
        return new Date(parsed.getTime());
    }

    private static Method cachedDateAndTime() {
        try {
            Method method = GuidelineFeelEngineFactory.class.getMethod("dateAndTime", String.class);
            // JUEL invokes it reflectively from its own package, and this class is package-private.
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected ElContextFactory createElContextFactory() {
        return new FeelElContextFactory() {
            @Override
            public FunctionMapper createFunctionMapper() {
                CompositeFunctionMapper mappers = new CompositeFunctionMapper();
                mappers.add(new FunctionMapper() {
                    @Override
                    public Method resolveFunction(String prefix, String localName) {
                        return FeelFunctionMapper.JUEL_DATE_AND_TIME_METHOD.equals(localName) ? DATE_AND_TIME : null;
                    }
                });
                mappers.add(super.createFunctionMapper());
                return mappers;
            }

            @Override
            public ELResolver createElResolver() {
                return ModelCallGuard.valuesOnly(super.createElResolver());
            }
        };
    }

    @Override
    protected Cache<TransformExpressionCacheKey, String> createTransformExpressionCache() {
        return new MapCache();
    }

    private static final class MapCache implements Cache<TransformExpressionCacheKey, String> {

        private final Map<TransformExpressionCacheKey, String> entries = new ConcurrentHashMap<>();

        @Override
        public String get(TransformExpressionCacheKey key) {
            return entries.get(key);
        }

        @Override
        public void put(TransformExpressionCacheKey key, String value) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, value);
        }

        @Override
        public void clear() {
            entries.clear();
        }

        @Override
        public void remove(TransformExpressionCacheKey key) {
            entries.remove(key);
        }

        @Override
        public Set<TransformExpressionCacheKey> keySet() {
            return entries.keySet();
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }
    }
}
