package org.openimr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImrCaseManagementApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImrCaseManagementApplication.class, args);
    }
}
