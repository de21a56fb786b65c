package org.openimr.decision;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The impact analysis takes .dmn files only: another extension, a content type that is not XML, a
 * model that declares a document type (to have the parser read a file of the server) or too many
 * files are refused naming the file.
 */
class ImpactUploadChecksTest extends CaseTest {

    @Autowired
    MockMvc mvc;

    @Test
    void onlyDmnFilesSentAsXmlAreRead() throws Exception {
        byte[] massage = Files.readAllBytes(Path.of("bpmn/guidelines/massage.dmn"));
        refused(upload(new MockMultipartFile("files", "massage.txt", "application/xml", massage)), "files[0]");
        refused(upload(new MockMultipartFile("files", "massage.dmn", "image/png", massage)), "files[0]");
        refused(upload(new MockMultipartFile("files", "massage.dmn", "application/octet-stream", massage),
                new MockMultipartFile("files", "run.sh", "text/x-sh", "echo".getBytes())), "files[1]");
    }

    @Test
    void aModelDeclaringADocumentTypeIsNotRead() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x" name="&secret;"
                    namespace="http://openimr.org/test"/>""";
        refused(upload(new MockMultipartFile("files", "massage.dmn", "application/xml",
                xxe.getBytes(StandardCharsets.UTF_8))), "files[0]");
    }

    @Test
    void tooManyFilesAreRefused() throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/guidelines/impact");
        for (int i = 0; i <= CandidateTables.MAX_FILES; i++) {
            request.file(new MockMultipartFile("files", "table" + i + ".dmn", "application/xml", "<x/>".getBytes()));
        }
        refused(request, "files");
    }

    private static MockMultipartHttpServletRequestBuilder upload(MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/guidelines/impact");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return request;
    }

    private void refused(MockMultipartHttpServletRequestBuilder request, String field) throws Exception {
        mvc.perform(request.with(httpBasic("analyst1", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }
}
