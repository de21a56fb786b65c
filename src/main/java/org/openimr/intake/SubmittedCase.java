package org.openimr.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The answer to submitting an application: the case as registered, and the clinical facts its
 * items were given under a former name ({@code deprecatedFields}), still read as the name they have now.
 */
record SubmittedCase(@JsonUnwrapped CaseView caseView, List<DeprecatedField> deprecatedFields) {

    /** A fact of item {@code itemNo} (numbered from 1) given under its former name, and the name it has now. */
    record DeprecatedField(int itemNo, String field, String replacedBy) {
    }
}
