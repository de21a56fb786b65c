package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;

/**
 * The rules for forms: the application's forms, text, markdown and harmless HTML stay; script,
 * event handlers, script addresses however written, iframes and elements that leave the page are
 * refused naming the component and key.
 */
class FormContentRulesTest {

    @Test
    void everyShippedFormKeepsTheRules() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(file -> file.toString().endsWith(".form")).toList();
        }
        assertThat(forms).hasSizeGreaterThan(5);
        for (Path form : forms) {
            assertThat(FormContentRules.check(Files.readAllBytes(form))).as(form.toString()).isEmpty();
        }
    }

    @Test
    void textMarkdownAndHarmlessHtmlStay() {
        for (String text : List.of("**Case {{caseNumber}}** · due {{determinationDueAtText}}", "6 < 10 and 3 > 2",
                "[Every reviewer](/api/cases/{{caseNumber}}/reviewer)", "[MTUS](https://www.dir.ca.gov/dwc/MTUS.html)",
                "<a href=\"/api/cases/{{caseNumber}}/letter?version=2\" target=\"_blank\" rel=\"noopener\">PDF</a>",
                "<b>bold</b><br/><ul><li>item</li></ul>", "<https://www.dir.ca.gov>", "=not(signed)",
                "Metadata:Text is not an address", "mailto: <a href=\"mailto:imr@example.org\">us</a>")) {
            assertThat(FormContentRules.textProblem(text)).as(text).isNull();
        }
    }

    @Test
    void scriptAndWaysOffThePageAreRefused() {
        refused("<script>alert(1)</script>", "holds the HTML element <script>");
        refused("<SCRIPT src=x></SCRIPT>", "holds the HTML element <script>");
        refused("<img src=\"x.png\" onerror=\"alert(1)\">", "holds the event-handler attribute onerror");
        refused("<b ONCLICK=alert(1)>x</b>", "holds the event-handler attribute onclick");
        refused("[x](javascript:alert(1))", "holds a javascript: address");
        refused("<a href=\"java&#115;cript&#58;alert(1)\">x</a>", "holds a javascript: address");
        refused("<a href=\"&#x6A;avascript:alert(1)\">x</a>", "holds a javascript: address");
        refused("<a href=\"&#106avascript:alert(1)\">x</a>", "holds a javascript: address");
        refused("<a href=\" jav\tascript:alert(1)\">x</a>", "holds a javascript: address");
        refused("<a href=\"javascript&colon;alert(1)\">x</a>", "holds a javascript: address");
        refused("<a href=\"VBScript:msgbox(1)\">x</a>", "holds a vbscript: address");
        refused("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "holds a data:text address");
        refused("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "holds a data:image/svg address");
        refused("<a href=\"ftp://example.org\">x</a>", "links to an address that is not a web, mail or relative one");
        refused("<iframe src=\"https://example.org\"></iframe>", "holds the HTML element <iframe>");
        refused("<meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">", "holds the HTML element <meta>");
        refused("<div style=\"position:fixed\">x</div>", "holds the HTML attribute style");
        refused("<form action=\"https://example.org\">", "holds the HTML element <form>");
        refused("<!-- x -->", "holds an HTML comment or declaration");
        refused("<a href=\"x", "leaves an HTML attribute value open");
        refused("<b", "leaves an HTML tag open");
        refused("<file:///etc/passwd>", "links to a file: address");
    }

    @Test
    void aFormNamesTheComponentAndKey() {
        String form = """
                {"id": "F", "components": [{"id": "Notice", "type": "text", "text": "<svg onload=alert(1)>"},
                  {"id": "Frame", "type": "iframe", "url": "https://example.org"}]}""";
        assertThat(FormContentRules.check(form.getBytes(StandardCharsets.UTF_8))).map(Problem::getMessage)
                .containsExactly("Notice, text holds the HTML element <svg>, which a form may not contain: "
                        + "<svg onload=alert(1)>", "Frame, type is iframe: a form may not embed another page");
        assertThat(FormContentRules.check("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8)))
                .map(Problem::getMessage).containsExactly("form is not valid JSON (a Camunda Form)");
        assertThat(FormContentRules.check("{} {}".getBytes(StandardCharsets.UTF_8)))
                .map(Problem::getMessage).containsExactly("form is not one JSON object");
    }

    private static void refused(String text, String reason) {
        assertThat(FormContentRules.textProblem(text)).as(text).isNotNull().contains(reason);
    }
}
