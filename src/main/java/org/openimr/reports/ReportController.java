package org.openimr.reports;

import io.swagger.v3.oas.annotations.Operation;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openimr.system.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Division's monthly figures as CSV. */
@RestController
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final MonthlyFigures figures;

    ReportController(MonthlyFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "The Division's monthly figures for a month (CSV: figure, group, outcome, value)")
    @GetMapping(path = "/api/reports/monthly", produces = "text/csv")
    ResponseEntity<String> monthly(@RequestParam String month) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month as 2026-11");
        }
        StringBuilder csv = new StringBuilder("figure,group,outcome,value\n");
        for (MonthlyFigures.Line line : figures.of(yearMonth)) {
            csv.append(line.figure()).append(',').append(line.group()).append(',').append(line.outcome()).append(',')
                    .append(line.value()).append('\n');
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"imr-monthly-" + yearMonth + ".csv\"")
                .body(csv.toString());
    }
}
