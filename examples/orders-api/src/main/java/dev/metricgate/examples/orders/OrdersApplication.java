package dev.metricgate.examples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small API protected by MetricGate: the only MetricGate code is the starter dependency, {@code
 * metricgate.url} in application.properties and one {@code @MeteredCost}.
 */
@SpringBootApplication
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
