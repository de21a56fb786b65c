package org.openimr.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openimr.cases.ImrApplication.Employee;
import org.openimr.cases.ImrApplication.FilingParty;
import org.openimr.cases.ImrApplication.NoticeDelivery;
import org.openimr.cases.ImrApplication.Party;
import org.openimr.cases.ImrApplication.Physician;
import org.openimr.cases.ImrApplication.UrDecisionType;
import org.openimr.system.CaseClock;
import org.openimr.system.FieldLabels;
import org.openimr.system.InputReader;

/**
 * Reads an IMR application from JSON (the intake API body, or the start form's variables) and
 * checks it completely: types, required fields, allowed values, and dates that cannot be (in the
 * future, or out of order). Every problem is reported, each with its field.
 */
public final class ApplicationParser {

    public static final int MAX_ITEMS = 20;
    private static final int NAME = 200;
    private static final int ADDRESS = 500;

    private static final ObjectMapper STORED_JSON = new ObjectMapper();

    private ApplicationParser() {
    }

    /** The application a case keeps, as it was registered. */
    public static ImrApplication stored(CaseRecord record) {
        try {
            return parse(STORED_JSON.readTree(record.applicationJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored applications are JSON", e);
        }
    }

    public static ImrApplication parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        LocalDate received = in.date("applicationReceivedDate", true);
        Boolean signed = in.bool("signed", true);
        LocalDate signedDate = in.date("applicationSignedDate", Boolean.TRUE.equals(signed));
        FilingParty filedBy = in.enumValue("filedBy", FilingParty.class, true);
        LocalDate urDecision = in.date("urDecisionDate", true);
        LocalDate urServed = in.date("urDecisionServedDate", true);
        UrDecisionType urType = in.enumValue("urDecisionType", UrDecisionType.class, true);
        Boolean urAttached = in.bool("urDecisionAttached", true);
        Boolean liabilityDisputed = in.bool("liabilityDisputed", true);
        Boolean expedited = in.bool("expedited", true);
        NoticeDelivery delivery = in.enumValue("noticeDelivery", NoticeDelivery.class, true);
        Employee employee = employee(in.object("employee", true));
        Party employer = party(in.object("employer", true));
        Party claimsAdministrator = party(in.object("claimsAdministrator", true));
        Physician physician = physician(in.object("requestingPhysician", true));
        List<DisputedItem> items = new ArrayList<>();
        in.objects("disputedItems", 1, MAX_ITEMS, item -> items.add(item(item)));
        in.rejectUnknownFields();

        LocalDate today = CaseClock.today();
        notInFuture(in, "applicationReceivedDate", received, today);
        notInFuture(in, "applicationSignedDate", signedDate, today);
        notInFuture(in, "urDecisionDate", urDecision, today);
        notInFuture(in, "urDecisionServedDate", urServed, today);
        notBefore(in, "urDecisionServedDate", urServed, "urDecisionDate", urDecision);
        notBefore(in, "applicationReceivedDate", received, "urDecisionServedDate", urServed);
        notBefore(in, "applicationSignedDate", signedDate, "urDecisionDate", urDecision);
        notBefore(in, "applicationReceivedDate", received, "applicationSignedDate", signedDate);
        if (employee != null) {
            notInFuture(in, "employee.dateOfBirth", employee.dateOfBirth(), today);
            notInFuture(in, "employee.dateOfInjury", employee.dateOfInjury(), today);
            notBefore(in, "employee.dateOfInjury", employee.dateOfInjury(), "employee.dateOfBirth", employee.dateOfBirth());
            notAfter(in, "employee.dateOfInjury", employee.dateOfInjury(), "urDecisionDate", urDecision);
        }
        for (int i = 0; i < items.size(); i++) {
            LocalDate requestDate = items.get(i).requestDate();
            String field = "disputedItems[" + i + "].requestDate";
            notInFuture(in, field, requestDate, today);
            notAfter(in, field, requestDate, "urDecisionDate", urDecision);
        }
        in.throwIfInvalid();
        return new ImrApplication(received, signedDate, signed, filedBy, urDecision, urServed, urType, urAttached,
                liabilityDisputed, expedited, delivery, employee, employer, claimsAdministrator, physician, items);
    }

    /**
     * Reads one disputed item against the field catalog; used by intake and by guideline evaluation.
     * A field given under a former name ({@link DisputedItemFields#FORMER_NAMES}) is read as the field
     * that replaced it; given under both names with different values, the former name is refused.
     */
    public static DisputedItem item(InputReader in) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (ItemField field : DisputedItemFields.ALL) {
            Object value = value(in, field);
            if (value != null) {
                facts.put(field.name(), value);
            }
        }
        for (DisputedItemFields.FormerName former : DisputedItemFields.FORMER_NAMES) {
            Object value = former.convert(value(in, former.field()));
            if (value == null) {
                continue;
            }
            Object given = facts.putIfAbsent(former.replacedBy(), value);
            if (given != null && !given.equals(value)) {
                in.problem(former.field().name(), "is the former name of " + former.replacedBy()
                        + ", which is given with another value");
            }
        }
        return new DisputedItem(facts);
    }

    /** The former field names this item was given with, each with the name that replaced it. */
    public static Map<String, String> formerNamesUsed(InputReader in) {
        Map<String, String> used = new LinkedHashMap<>();
        DisputedItemFields.FORMER_NAMES.stream().filter(former -> in.has(former.field().name()))
                .forEach(former -> used.put(former.field().name(), former.replacedBy()));
        return used;
    }

    private static Object value(InputReader in, ItemField field) {
        return switch (field.kind()) {
            case TEXT -> in.text(field.name(), field.required(), field.max());
            case DATE -> in.date(field.name(), field.required());
            case BOOLEAN -> in.bool(field.name(), field.required());
            case INTEGER -> in.integer(field.name(), field.required(), field.min(), field.max());
            case DECIMAL -> {
                BigDecimal number = in.decimal(field.name(), field.required(),
                        BigDecimal.valueOf(field.min()), BigDecimal.valueOf(field.max()));
                yield number == null ? null : number.doubleValue();
            }
            case CODE -> in.oneOf(field.name(), field.required(), field.codes());
        };
    }

    private static Employee employee(InputReader in) {
        if (in == null) {
            return null;
        }
        Employee employee = new Employee(
                in.text("name", true, NAME),
                in.date("dateOfBirth", false),
                in.date("dateOfInjury", false),
                in.text("claimNumber", false, 64),
                in.text("address", false, ADDRESS),
                in.text("representative", false, NAME));
        in.rejectUnknownFields();
        return employee;
    }

    private static Party party(InputReader in) {
        if (in == null) {
            return null;
        }
        Party party = new Party(in.text("name", true, NAME), in.text("address", false, ADDRESS));
        in.rejectUnknownFields();
        return party;
    }

    private static Physician physician(InputReader in) {
        if (in == null) {
            return null;
        }
        Physician physician = new Physician(
                in.text("name", true, NAME),
                in.text("specialty", false, NAME),
                in.text("group", false, NAME),
                in.text("address", false, ADDRESS));
        in.rejectUnknownFields();
        return physician;
    }

    private static void notInFuture(InputReader in, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            in.problem(field, "must not be in the future");
        }
    }

    private static void notAfter(InputReader in, String field, LocalDate date, String laterField, LocalDate later) {
        if (date != null && later != null && date.isAfter(later)) {
            in.problem(field, "must not be after the " + FieldLabels.shortOf(laterField));
        }
    }

    private static void notBefore(InputReader in, String field, LocalDate date, String earlierField, LocalDate earlier) {
        if (date != null && earlier != null && date.isBefore(earlier)) {
            in.problem(field, "must not be before the " + FieldLabels.shortOf(earlierField));
        }
    }
}
