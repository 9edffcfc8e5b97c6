package dev.metricgate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.metricgate.devstack.Net;
import dev.metricgate.testsupport.Api;
import dev.metricgate.testsupport.LocalSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console in a real browser (Debian's headless Chromium through Selenium) against the whole
 * system of {@link LocalSystem} — real Keycloak, plans-service, enforcement-service, usage-service —
 * and the console itself, started here on a free port. Screenshots of each page go to
 * {@code target/screenshots/}. Skipped when Chromium or its driver is not installed.
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE = Duration.ofSeconds(20);

    private static LocalSystem system;
    private static ConfigurableApplicationContext console;
    private static String consoleUrl;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are needed: apt-get install chromium chromium-driver");
        system = LocalSystem.get();
        int port = Net.freePort();
        consoleUrl = "http://127.0.0.1:" + port;
        console = SpringApplication.run(
                ConsoleApplication.class,
                "--server.port=" + port,
                "--spring.security.oauth2.client.provider.keycloak.issuer-uri=" + system.keycloak
                        + "/realms/metricgate",
                "--metricgate.console.plans-service-url=" + system.plans,
                "--metricgate.console.usage-service-url=" + system.usage,
                "--logging.structured.format.console=");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void anAdminManagesTenantsPlansAndKeys_seesTheUsage_andATenantAdminSeesOnlyTheirSubtree() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // sign in as the platform admin through Keycloak's own login page
        browser.get(consoleUrl + "/");
        signIn("platform-admin", "platform-admin");
        waitFor(By.id("tenant-tree"));
        assertThat(text(By.id("who"))).contains("platform-admin");
        screenshot("01-tenants-empty");

        // no token is readable by page scripts: the session cookie is HttpOnly, nothing in storage
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat((String) js.executeScript("return document.cookie")).doesNotContain("MGCONSOLE");
        assertThat(browser.manage().getCookieNamed("MGCONSOLE").isHttpOnly()).isTrue();
        assertThat((Long) js.executeScript("return localStorage.length + sessionStorage.length"))
                .isZero();

        // a bad input shows its field error next to the field
        browser.get(consoleUrl + "/#/plans");
        WebElement planForm = waitFor(By.id("create-plan"));
        planForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement nameError = waitFor(By.cssSelector("#create-plan .field-error[data-field=name]"));
        assertThat(nameError.getText()).isNotBlank();
        assertThat(text(By.id("message"))).isNotBlank();
        screenshot("02-plan-field-error");

        // a plan, then a reseller on it, a customer under it, and a sibling reseller
        String plan = "Gold " + suffix;
        fill(planForm, "name", plan);
        fill(planForm, "rateLimit.requestsPerSecond", "1");
        fill(planForm, "rateLimit.burst", "5");
        fill(planForm, "monthlyQuota", "6");
        planForm.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(By.id("plan-table"), plan);

        // a child plan above its parent's ceiling: the service's 422 is shown, nothing is created
        String tooBig = "Too big " + suffix;
        WebElement childForm = waitFor(By.id("create-plan"));
        fill(childForm, "name", tooBig);
        new Select(childForm.findElement(By.name("parentPlanId"))).selectByVisibleText(plan);
        fill(childForm, "rateLimit.requestsPerSecond", "100");
        fill(childForm, "rateLimit.burst", "100");
        childForm.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(By.id("message"), "Rule violated");
        assertThat(text(By.id("plan-table"))).doesNotContain(tooBig);
        screenshot("03-plans");

        String reseller = "Reseller " + suffix;
        String customer = "Customer " + suffix;
        String sibling = "Other reseller " + suffix;
        browser.get(consoleUrl + "/#/tenants");
        createTenant(reseller, "RESELLER", null, plan);
        createTenant(customer, "CUSTOMER", reseller, null);
        createTenant(sibling, "RESELLER", null, null);
        screenshot("04-tenants");
        String resellerId = tenantId(reseller);

        // the customer's page: a key, shown once
        browser.findElement(By.linkText(customer)).click();
        WebElement keyForm = waitFor(By.id("create-key"));
        fill(keyForm, "name", "browser test");
        keyForm.findElement(By.cssSelector("button[type=submit]")).click();
        String key = waitFor(By.id("secret-key")).getText();
        assertThat(key).startsWith("mg_");
        assertThat(text(By.id("secret"))).contains("shown only once");
        screenshot("05-key-shown-once");
        browser.navigate().refresh();
        waitFor(By.id("key-table"));
        assertThat(browser.findElements(By.id("secret-key"))).isEmpty();
        assertThat(text(By.id("key-table"))).doesNotContain(key);

        // checks with it: burst 5, so 5 allowed and 2 denied, and they show in the usage chart; 5 of
        // the quota of 6 raises the 80 % alert
        List<Integer> answers = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> Api.check(system.enforcement, key).status())
                .toList();
        assertThat(answers).containsExactly(200, 200, 200, 200, 200, 429, 429);
        new Select(browser.findElement(By.cssSelector("#usage-controls [name=granularity]"))).selectByValue("MINUTE");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    browser.findElement(By.cssSelector("#usage-controls button"))
                            .click();
                    assertThat(waitFor(By.id("quota-used")).getText()).isEqualTo("5");
                    assertThat(browser.findElements(By.cssSelector("#usage-chart .uplot")))
                            .hasSize(1);
                    assertThat(text(By.id("quota-alerts"))).contains("80 %").contains("5 of 6 used");
                });
        assertThat(text(By.id("usage-table"))).contains("allowed").contains("denied");
        assertThat(text(By.id("quota"))).contains("5 allowed, 2 denied");
        js.executeScript("document.getElementById('usage').scrollIntoView()");
        screenshot("06-usage");

        // revoke it: checks are refused within a second or so
        browser.findElement(By.cssSelector("#key-table button.danger")).click();
        awaitText(By.id("key-table"), "REVOKED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(Api.check(system.enforcement, key).status()).isEqualTo(401));
        screenshot("07-key-revoked");

        // every state-changing call needs the CSRF token: without it 403, and nothing is created
        String before = text(By.id("key-table"));
        Object withoutToken = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/plans/v1/tenants', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: 'forged " + suffix
                + "', kind: 'RESELLER'})}).then(r => done(r.status));");
        assertThat(withoutToken).isEqualTo(403L);
        Object internal = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/plans/internal/v1/key-resolutions/x').then(r => done(r.status));");
        assertThat(internal).as("only the public /v1 API is forwarded").isEqualTo(404L);
        assertThat(tenantNamesVisibleTo("platform-admin")).doesNotContain("forged " + suffix);
        assertThat(text(By.id("key-table"))).isEqualTo(before);

        // an expired session (the browser still sends its cookie, the server no longer knows the
        // session, as after the idle timeout) signs in again through Keycloak's still-open session
        // and comes back to the console
        Cookie session = browser.manage().getCookieNamed("MGCONSOLE");
        browser.manage().deleteCookie(session);
        browser.manage()
                .addCookie(new Cookie.Builder("MGCONSOLE", "expired-" + suffix)
                        .path(session.getPath())
                        .isHttpOnly(true)
                        .build());
        browser.findElement(By.cssSelector("[data-nav=plans]")).click();
        awaitText(By.id("plan-table"), plan);
        assertThat(browser.getCurrentUrl()).endsWith("#/plans");
        assertThat(browser.manage().getCookieNamed("MGCONSOLE")).isNotNull();
        assertThat(browser.manage().getCookieNamed("MGCONSOLE").getValue()).isNotEqualTo("expired-" + suffix);

        // sign out: Keycloak's session ends too, so the console asks for a login again
        String admin = "reseller-admin-" + suffix;
        Api.Response provisioned = Api.post(
                system.plans + "/v1/tenants/" + resellerId + "/admins",
                Api.token(system.keycloak, "platform-admin", "platform-admin"),
                "{\"username\":\"" + admin + "\",\"email\":\"" + admin + "@example.test\",\"role\":\"tenant-admin\","
                        + "\"password\":\"Reseller-" + suffix + "\"}");
        assertThat(provisioned.status()).isEqualTo(201);
        browser.findElement(By.cssSelector("#logout button")).click();
        waitFor(By.id("username"));
        browser.get(consoleUrl + "/");
        waitFor(By.id("username"));

        // the reseller's tenant admin sees the reseller and its customer, not the sibling
        signIn(admin, "Reseller-" + suffix);
        WebElement tree = waitFor(By.id("tenant-tree"));
        awaitText(By.id("tenant-tree"), customer);
        assertThat(tree.getText()).contains(reseller).doesNotContain(sibling);
        assertThat(text(By.id("who"))).contains(admin).contains("tenant admin");
        screenshot("08-tenant-admin-subtree");

        // and the console works at a phone's width
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        awaitText(By.id("tenant-tree"), customer);
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390L);
        screenshot("09-phone");
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    private void signIn(String username, String password) {
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    private void createTenant(String name, String kind, String parent, String plan) {
        WebElement form = waitFor(By.id("create-tenant"));
        fill(form, "name", name);
        new Select(form.findElement(By.name("kind"))).selectByValue(kind);
        if (parent != null) {
            new Select(form.findElement(By.name("parentId"))).selectByVisibleText(parent);
        }
        if (plan != null) {
            new Select(form.findElement(By.name("planId"))).selectByVisibleText(plan);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(By.id("tenant-tree"), name);
    }

    private String tenantId(String name) {
        return browser.findElement(By.linkText(name)).getAttribute("href").replaceAll(".*#/tenants/", "");
    }

    private List<String> tenantNamesVisibleTo(String user) {
        var page = Api.get(system.plans + "/v1/tenants?size=200", Api.token(system.keycloak, user, user));
        List<String> names = new java.util.ArrayList<>();
        page.json().get("items").forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    private static void fill(WebElement form, String name, String value) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private WebElement waitFor(By locator) {
        return waiting(
                "for " + locator,
                () -> new WebDriverWait(browser, PAGE)
                        .ignoring(StaleElementReferenceException.class)
                        .until(driver -> {
                            List<WebElement> found = driver.findElements(locator);
                            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
                        }));
    }

    private void awaitText(By locator, String expected) {
        waiting(
                "for \"" + expected + "\" in " + locator,
                () -> new WebDriverWait(browser, PAGE)
                        .ignoring(StaleElementReferenceException.class)
                        .until(driver -> {
                            List<WebElement> found = driver.findElements(locator);
                            return !found.isEmpty()
                                    && found.getFirst().getText().contains(expected);
                        }));
    }

    /** A wait that times out says what the page showed, and leaves a screenshot of it. */
    private <T> T waiting(String what, java.util.function.Supplier<T> wait) {
        try {
            return wait.get();
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("failed-waiting");
            } catch (IOException ignored) {
                // the assertion below says enough
            }
            List<WebElement> message = browser.findElements(By.id("message"));
            throw new AssertionError(
                    "timed out waiting " + what + " at " + browser.getCurrentUrl() + "; message: "
                            + (message.isEmpty() ? "(none)" : message.getFirst().getText()),
                    e);
        }
    }

    private String text(By locator) {
        return waitFor(locator).getText();
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
