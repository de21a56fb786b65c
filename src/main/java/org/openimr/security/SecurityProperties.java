package org.openimr.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users the application creates at start-up: the administrator (always) and, in the default
 * profile, one demo user per role, all with the configured demo password.
 */
@ConfigurationProperties(prefix = "imr")
public record SecurityProperties(Admin admin, Demo demo) {

    public record Admin(String user, String password) {
    }

    public record Demo(boolean enabled, String password) {
    }

    public SecurityProperties {
        admin = admin == null ? new Admin("admin", null) : admin;
        demo = demo == null ? new Demo(false, null) : demo;
    }
}
