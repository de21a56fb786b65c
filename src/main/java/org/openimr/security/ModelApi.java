package org.openimr.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a deployed model may call on the server, in one place: the application's beans meant
 * for models with the methods a model may call on each, the delegates and listeners it may name,
 * what it may call and read on the execution and the task the engine hands an expression, and the
 * engine's functions. The deployment guard ({@link ModelExpressions}) and the run-time resolver
 * ({@link GuardedExpressionManager}) both read it: a bean written for models is usable once it is
 * listed here.
 */
final class ModelApi {

    /** Beans whose methods a model calls in an expression, e.g. {@code ${slaTasks.due(execution)}}. */
    static final Map<String, Set<String>> BEANS = Map.of(
            "caseStage", Set.of("enter"),
            "slaClock", Set.of("eligibilityFound", "screeningStarted", "informationRequested", "deferred", "awaitRecords",
                    "recordsReceived", "recordsOnFile", "determinationIssued"),
            "recordsFollowUp", Set.of("reminderCycle"),
            "slaTasks", Set.of("due", "followUp", "escalationDue", "priority"),
            "formAnswers", Set.of("yesNo"),
            "liabilityDetermination", Set.of("recorded"),
            "screeningReminders", Set.of("deferralCycle"),
            "pagesReviewedCheck", Set.of("check"));

    /** Delegates and listeners a model names in {@code camunda:delegateExpression="${name}"}. */
    static final Set<String> DELEGATES = Set.of("registerApplication", "screenEligibility", "sendIneligibilityNotice",
            "sendNoticeOfAssignment", "markRecordsOverdue", "requestRecordsFollowUp", "requestMissingRecords",
            "setDeterminationDeadline", "selectReviewer", "assignReviewerManually", "applyGuidelineRules",
            "decideItem", "composeLetter", "reviewLetter", "issueLetter", "flagDeterminationAtRisk",
            "markDeterminationLate", "closeWithdrawnCase", "recomputeDeadlines", "openRemandReview", "setRemandDeadline",
            "screenApplication", "sendDeferralNotice", "correctLetter", "sendInformationRequest",
            "recordUnansweredRequest", "sendItemIneligibilityNotice", "followUpOverdueRecords",
            "sendExpeditedConversionNotice", "sendWithdrawalNotice", "recordRemandOrder", "joinApplication",
            "sendConsolidationNotice", "recordInformationReceived", "openScreenApplication",
            "offerToApplicationsInScreening");

    /** The names under which the engine hands an expression its execution and its task. */
    static final Set<String> SCOPES = Set.of("execution", "task");

    /** What a model may call on the execution or the task: its variables and who and where it is. */
    static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "setVariable", "setVariableLocal", "getId", "getProcessInstanceId",
            "getProcessBusinessKey", "getBusinessKey", "getCurrentActivityId", "getEventName", "getAssignee",
            "getOwner", "getName", "getTaskDefinitionKey");

    /** What a model may read on the execution or the task, e.g. {@code ${task.assignee}}. */
    static final Set<String> SCOPE_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey", "businessKey",
            "currentActivityId", "eventName", "assignee", "owner", "name", "taskDefinitionKey");

    /** The engine's functions: now(), dateTime(), currentUser(), currentUserGroups(). */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** The function whose result (a Joda date) takes the date methods below. */
    static final String DATE_TIME = "dateTime";

    /** Date arithmetic on {@code dateTime()}, e.g. {@code ${dateTime().plusDays(2).toDate()}}. */
    static final Set<String> DATE_TIME_METHODS = Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours",
            "plusMinutes", "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes",
            "withTimeAtStartOfDay", "toDate");

    /** The class of the dates {@code dateTime()} returns (named, not imported: the engine brings Joda-Time). */
    static final String DATE_TIME_CLASS = "org.joda.time.DateTime";

    private ModelApi() {
    }

    /** Every bean a model may name: the beans it calls and the delegates. */
    static Set<String> beanNames() {
        Set<String> names = new TreeSet<>(BEANS.keySet());
        names.addAll(DELEGATES);
        return names;
    }

    /** For messages: "caseStage.enter, formAnswers.yesNo, ..." */
    static String callable() {
        Set<String> calls = new TreeSet<>();
        BEANS.forEach((bean, methods) -> methods.forEach(method -> calls.add(bean + "." + method)));
        return String.join(", ", calls);
    }
}
