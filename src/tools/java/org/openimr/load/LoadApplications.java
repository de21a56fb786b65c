package org.openimr.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.openimr.TestApplications;

/**
 * IMR applications for load and fault runs: the seed case's parties with an employee of their own
 * per application (so no two are "the same application"), 1 to 4 disputed items from the kinds a
 * real month brings (massage, chiropractic care, an opioid, acupuncture), and every so often an
 * unsigned one, whose screener confirms the finding: it ends with an ineligibility notice.
 * Deterministic for a given run name and seed.
 */
public final class LoadApplications {

    private final String run;
    private final long seed;
    private final int ineligibleEvery;

    /**
     * @param run             names the run; employees are "Load Employee {run}-{n}"
     * @param ineligibleEvery every n-th application is unsigned (0: none)
     */
    public LoadApplications(String run, long seed, int ineligibleEvery) {
        this.run = run;
        this.seed = seed;
        this.ineligibleEvery = ineligibleEvery;
    }

    /** The n-th application (from 1). */
    public ObjectNode application(int n) {
        ObjectNode application = TestApplications.read("/cases/seed-massage.json");
        ObjectNode employee = (ObjectNode) application.get("employee");
        employee.put("name", "Load Employee " + run + "-" + n);
        employee.put("claimNumber", String.format(Locale.ROOT, "LOAD-%s-%06d", run, n));
        if (ineligibleEvery > 0 && n % ineligibleEvery == 0) {
            application.put("signed", false);
        }
        ArrayNode items = (ArrayNode) application.get("disputedItems");
        List<ItemKind> extra = List.of(ItemKind.values());
        int count = 1 + new Random(seed * 1_000_003L + n).nextInt(4);
        for (int i = 1; i < count; i++) {
            extra.get(i - 1).addTo(items);
        }
        return application;
    }

    /** The items an application may carry besides the seed case's massage. */
    private enum ItemKind {
        CHIROPRACTIC {
            @Override
            void addTo(ArrayNode items) {
                items.addObject()
                        .put("requestedTreatment", "Chiropractic manipulation, lumbar spine, 2 times a week for 6 weeks")
                        .put("treatmentCategory", "CHIRO").put("bodyRegion", "LUMBAR").put("requestDate", "2014-06-20")
                        .put("priorUnits", 6).put("requestedUnits", 12).put("functionalImprovement", true);
            }
        },
        OPIOID {
            @Override
            void addTo(ArrayNode items) {
                items.addObject()
                        .put("requestedTreatment", "Norco 10/325 mg, 60 tablets").put("treatmentCategory", "OPIOID")
                        .put("requestDate", "2014-06-20").put("dailyMED", 40).put("functionalImprovement", true)
                        .put("fourAsDocumented", true).put("aberrantBehavior", false);
            }
        },
        ACUPUNCTURE {
            @Override
            void addTo(ArrayNode items) {
                items.addObject()
                        .put("requestedTreatment", "Acupuncture, lumbar spine, 6 visits").put("treatmentCategory",
                                "ACUPUNCTURE")
                        .put("bodyRegion", "LUMBAR").put("requestDate", "2014-06-20").put("priorUnits", 0)
                        .put("requestedUnits", 6);
            }
        };

        abstract void addTo(ArrayNode items);
    }
}
