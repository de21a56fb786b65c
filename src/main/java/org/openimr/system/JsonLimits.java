package org.openimr.system;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on the JSON the application reads, beyond the size of the body: no request of this API
 * nests deeper than a few levels (an application, its items, their fields), so a body nested
 * hundreds deep is refused while it is parsed, before anything walks it.
 */
@Configuration
class JsonLimits {

    static final int MAX_NESTING = 16;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonNestingLimit() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()));
    }
}
