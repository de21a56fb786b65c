package org.openimr.decision;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.juel.TransformExpressionCacheKey;
import org.camunda.bpm.dmn.feel.impl.juel.el.ElContextFactory;
import org.camunda.bpm.dmn.feel.impl.juel.el.FeelElContextFactory;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.commons.utils.cache.Cache;
import org.openimr.system.ModelCallGuard;

/**
 * The legacy FEEL engine with a faster cache of its FEEL-to-JUEL translations. The stock cache
 * is an LRU list that every hit walks (ConcurrentLinkedQueue.remove): with the few hundred
 * distinct input entries of the guideline tables that walk cost more than evaluating the table.
 * The entries are the tables' own texts, a finite set, so a plain concurrent map serves; it is
 * emptied if ever it grows past a bound (many uploaded candidate tables). Legacy FEEL pastes an
 * entry's endpoints into JUEL, so its expressions resolve values only and call no method
 * ({@link ModelCallGuard#valuesOnly}), whatever a table deployed in the past holds.
 */
final class GuidelineFeelEngineFactory extends FeelEngineFactoryImpl {

    static final int MAX_ENTRIES = 20_000;

    @Override
    protected Cache<TransformExpressionCacheKey, String> createTransformExpressionCache() {
        return new MapCache();
    }

    @Override
    protected ElContextFactory createElContextFactory() {
        return new FeelElContextFactory() {
            @Override
            public ELResolver createElResolver() {
                return ModelCallGuard.valuesOnly(super.createElResolver());
            }
        };
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
