package org.openimr.letter;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The IMR organization as its letters name it. The name appears in the per-item guideline label
 * ("MAXIMUS guideline: ...") because the organization under contract may change.
 */
@ConfigurationProperties(prefix = "imr.organization")
public record OrganizationProperties(String name, String shortName, List<String> address, String phone,
        String letterTemplates) {

    public OrganizationProperties {
        name = name == null ? "MAXIMUS Federal Services" : name;
        shortName = shortName == null ? "MAXIMUS" : shortName;
        address = address == null ? List.of() : List.copyOf(address);
        letterTemplates = letterTemplates == null ? "classpath:/letters/" : letterTemplates;
    }
}
