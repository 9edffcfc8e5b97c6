package dev.metricgate.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EnforcementApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnforcementApplication.class, args);
    }
}
