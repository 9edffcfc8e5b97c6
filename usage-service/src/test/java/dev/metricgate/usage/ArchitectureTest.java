package dev.metricgate.usage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.metricgate.testsupport.LayeringRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The layering of STYLE.md, checked on usage-service's production classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = LayeringRules.importService("usage");

    @TestFactory
    Stream<DynamicTest> layering() {
        return LayeringRules.all("usage").stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(CLASSES);
    }
}
