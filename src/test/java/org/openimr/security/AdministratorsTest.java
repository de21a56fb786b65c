package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;

/**
 * Who administers the engine: the members of its built-in administrators group (camunda-admin,
 * operaton-admin on Operaton), the provisioned administrator among them; nobody else, and nobody
 * makes themselves one through the Admin webapp's first-run set-up.
 */
class AdministratorsTest extends CaseTest {

    @Autowired
    IdentityService identityService;

    @Test
    void theAdministratorUnlocksAUserASupervisorCannot() {
        // Unlocking a user locked out by wrong passwords is for the engine's administrators only.
        HttpStatusCode bySupervisor = http("supervisor1", "demo").post().uri("/engine-rest/user/intake2/unlock")
                .exchange((request, response) -> response.getStatusCode());
        HttpStatusCode byAdmin = http("admin", "admin").post().uri("/engine-rest/user/intake2/unlock")
                .exchange((request, response) -> response.getStatusCode());

        assertThat(bySupervisor.value()).isEqualTo(403);
        assertThat(byAdmin.value()).isEqualTo(204);
    }

    @Test
    void theAdminWebappsSetUpCreatesNoAdministrator() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/camunda";
        // As the webapp does: its page first, for the session and the CSRF token every change must carry.
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/app/admin/default/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

        HttpResponse<String> setup = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"profile": {"id": "intruder", "firstName": "In", "lastName": "Truder",
                                     "email": "intruder@example.org"},
                         "credentials": {"password": "intruder-password-1"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }
}
