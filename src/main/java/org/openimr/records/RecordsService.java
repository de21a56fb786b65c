package org.openimr.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.CaseClock;
import org.openimr.system.InputReader;
import org.openimr.system.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Medical records arriving for a case: stored, listed for the completeness check, and handed to
 * the case process as the message it waits for, in one transaction that runs again when it
 * collides with the case's own work (the records-due timer firing at that moment, say).
 */
@Service
public class RecordsService {

    public static final String MESSAGE = "RecordsReceived";
    static final int MAX_DOCUMENTS = 200;

    private static final Logger log = LoggerFactory.getLogger(RecordsService.class);

    /** A document described only: a metadata-only delivery, for records that stay on paper. */
    public record NewDocument(String title, String author, LocalDate date, int pages, Sender sender) {
    }

    public record Receipt(String caseNumber, int documentsReceived, int documentsOnFile, int pagesOnFile) {
    }

    private final CaseRegistry registry;
    private final Documents documents;
    private final RuntimeService runtimeService;
    private final RetryingTransactions transactions;

    RecordsService(CaseRegistry registry, Documents documents, RuntimeService runtimeService,
            RetryingTransactions transactions) {
        this.registry = registry;
        this.documents = documents;
        this.runtimeService = runtimeService;
        this.transactions = transactions;
    }

    public static List<NewDocument> parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        List<NewDocument> received = new ArrayList<>();
        LocalDate today = CaseClock.today();
        in.objects("documents", 1, MAX_DOCUMENTS, document -> {
            String title = document.text("title", true, 300);
            String author = document.text("author", true, 200);
            LocalDate date = document.date("date", true);
            Integer pages = document.integer("pages", true, 1, 5000);
            Sender sender = document.has("sender") ? document.enumValue("sender", Sender.class, false) : null;
            if (date != null && date.isAfter(today)) {
                document.problem("date", "must not be in the future");
                date = null;
            }
            if (title != null && author != null && date != null && pages != null) {
                received.add(new NewDocument(title, author, date, pages, sender));
            }
        });
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return received;
    }

    public Receipt receive(String caseNumber, List<NewDocument> received, String receivedBy) {
        return transactions.run("Records for case " + caseNumber, () -> store(caseNumber, received, receivedBy));
    }

    private Receipt store(String caseNumber, List<NewDocument> received, String receivedBy) {
        CaseRecord record = registry.openCase(caseNumber);
        for (NewDocument document : received) {
            documents.add(record.id(), document.title(), document.author(), document.date(), document.pages(),
                    document.sender(), receivedBy);
        }
        List<Documents.Document> onFile = announce(record, received.size());
        return new Receipt(caseNumber, received.size(), onFile.size(),
                onFile.stream().mapToInt(Documents.Document::pages).sum());
    }

    /**
     * Tells the case that documents arrived, inside the transaction that recorded them: the list of
     * what is on file and its pages for the forms, and the message the case waits for. Answers what is
     * on file now.
     */
    List<Documents.Document> announce(CaseRecord record, int received) {
        String caseNumber = record.caseNumber();
        List<Documents.Document> onFile = documents.forCase(record.id());
        int pages = onFile.stream().mapToInt(Documents.Document::pages).sum();
        Map<String, Object> variables = Map.of("receivedDocuments", Documents.describe(caseNumber, onFile),
                "pagesReceived", pages);
        // A case waiting for its records takes them with the message: one engine command (an authorization
        // check, a read of the case's variables, an operation log entry), not two. Records that come later
        // update the variables all the same.
        boolean taken = !runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(caseNumber)
                .setVariables(variables).correlateAllWithResult().isEmpty();
        if (!taken && record.processInstanceId() != null) {
            runtimeService.setVariables(record.processInstanceId(), variables);
        }
        log.info("Case {}: {} documents received", caseNumber, received);
        return onFile;
    }
}
