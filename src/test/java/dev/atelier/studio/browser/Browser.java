package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (no Selenium Manager, no download),
 * against the test's server. Every page opened is photographed to
 * {@code target/screenshots/<test>/<n>-<page>.png} and checked with the pinned axe-core; the
 * browser's console is read after every step and any SEVERE entry fails the test unless it was
 * announced with {@link #expectConsoleError}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("atelier.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("atelier.chromedriver", "/usr/bin/chromedriver"));
    private static final String AXE = "/studio/axe-core-4.14.1/axe.min.js";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final Path profile;
    private final List<String> severe = new ArrayList<>();
    private final List<Pattern> expected = new ArrayList<>();
    private int shots;

    private Browser(ChromeDriver driver, String baseUrl, Path screenshots, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    public static Browser start(String baseUrl, String testName) {
        try {
            Path profile = Files.createTempDirectory("atelier-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // the flags this machine needs (.library machines/java-maven.md): no sandbox as root, no
            // /dev/shm, and none of Chromium's own network traffic (refused here, and noisy)
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,1000",
                    "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            Path shots = Path.of("target", "screenshots", testName);
            Files.createDirectories(shots);
            return new Browser(driver, baseUrl, shots, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a page, waits until its script has shown it, then photographs and checks it. */
    public void open(String path, String page) {
        driver.get(baseUrl + path);
        loaded(page);
    }

    /** After a navigation the page made itself: wait, photograph, check. */
    public void loaded(String page) {
        waitLoaded();
        shot(page);
        axe(page);
        drainConsole();
    }

    public void waitLoaded() {
        until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && document.body.dataset.loaded === 'true'")));
    }

    public void shot(String page) {
        try {
            Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shots, page)),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core in the page: no serious or critical violation may be left. */
    @SuppressWarnings("unchecked")
    public void axe(String page) {
        if (Boolean.FALSE.equals(driver.executeScript("return typeof axe !== 'undefined'"))) {
            driver.executeScript(axeSource());
        }
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ '
                          + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        assertThat((List<String>) answer).as("accessibility of %s (axe-core)", page).isEmpty();
    }

    /** A console error the test causes on purpose (an upload the server refuses). */
    public void expectConsoleError(String regex) {
        expected.add(Pattern.compile(regex));
    }

    public void drainConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expected.stream().noneMatch(p -> p.matcher(entry.getMessage()).find())) {
                severe.add(entry.getMessage());
            }
        }
    }

    public void assertNoConsoleErrors() {
        drainConsole();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    /** Waits for {@code condition}; on a timeout the page is photographed ({@code <n>-timeout.png}) first. */
    public <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("timeout");
            throw e;
        }
    }

    public WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Signs a new person up through the page; answers the email. Ends on the generate page. */
    public String signUp() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        open("/sign-up", "sign-up");
        type(By.id("name"), "Browser Tester");
        type(By.id("email"), email);
        type(By.id("password"), "a long passphrase for tests");
        find(By.cssSelector("[data-sign-up] [type=submit]")).click();
        until(ExpectedConditions.urlContains("/generate"));
        loaded("generate");
        return email;
    }

    public void signIn(String email, String password) {
        open("/sign-in", "sign-in");
        type(By.id("email"), email);
        type(By.id("password"), password);
        find(By.cssSelector("[data-sign-in] [type=submit]")).click();
        until(ExpectedConditions.urlContains("/generate"));
        loaded("generate");
    }

    public void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp profile left behind is harmless
        }
    }
}
