package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Debian Chromium, headless, driven through the system chromedriver: one browser for the test run, handed to
 * each test class in turn with a clean slate (register it with
 * {@code @RegisterExtension static final Chromium browser = new Chromium();}, next to
 * {@code @ExtendWith(KeycloakTestServer.class)}), signing in through Keycloak's real login pages.
 * {@link #screenshot(String)} writes {@code target/screenshots/<name>.png} of the 1280x900 viewport (copied into
 * {@code docs/screenshots/} only with {@code -Dscreenshots.update=true}).
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ChromeDriver driver;

    /**
     * Takes the run's browser, started by the first class that needs one: starting Chromium costs seconds, while
     * the clean slate each class gets (see {@link #afterAll}) costs next to nothing.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        driver = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunBrowser.class, key -> new RunBrowser(start()), RunBrowser.class).driver;
    }

    /** Leaves the browser as the next class expects a new one: signed out everywhere, nothing intercepted. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.executeCdpCommand("Fetch.disable", Map.of());
            blockUrls();
            networkLatency(0);
            signOutEverywhere();
            driver = null;
        }
    }

    /** The browser of the whole test run, closed by JUnit when the run ends. */
    private record RunBrowser(ChromeDriver driver) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            driver.quit();
        }
    }

    private static ChromeDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900", "--lang=en-US",
                // nothing but the test server on loopback (localhost for passkeys: an address cannot be a WebAuthn
                // relying party): no lookups leave the machine
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // --window-size includes the window frame; pages and screenshots get exactly this viewport
        started.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        return started;
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("Register Chromium with @RegisterExtension on a static field");
        }
        return driver;
    }

    /** Loads a path of the test server, e.g. {@code /admin/acme/console/}. */
    public void open(String path) {
        driver().get(KeycloakTestServer.api().baseUrl() + path);
    }

    /** Forgets every cookie and storage of the test server's origin, so the next page asks to sign in again. */
    public void signOutEverywhere() {
        // storage can only be cleared from a page of the server's origin (a fresh browser shows a data: URL)
        open("/realms/master/");
        // Keycloak's cookies are scoped to /realms/<realm>/, out of reach of WebDriver's deleteAllCookies
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        ((JavascriptExecutor) driver()).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    /** Opens a page that needs a signed-in user and signs in on Keycloak's login page it redirects to. */
    public void signIn(String path, String username, String password) {
        open(path);
        submitLogin(username, password);
    }

    /** The same for a user with an authenticator app: the code page follows the password page. */
    public void signIn(String path, String username, String password, String totpSecret) {
        signIn(path, username, password);
        type(waitFor(By.id("otp")), Totp.unusedCode(totpSecret));
        driver().findElement(By.id("kc-login")).click();
    }

    private void submitLogin(String username, String password) {
        type(waitFor(By.id("username")), username);
        type(driver().findElement(By.id("password")), password);
        WebElement submit = driver().findElement(By.id("kc-login"));
        submit.click();
        // the click returns before the next page arrives: look for the reminder only once the login page is gone
        until(ExpectedConditions.stalenessOf(submit));
        skipSecondFactorReminder();
    }

    /** Answers "Not now" to the OPTIONAL 2FA reminder (SecondFactorSignInIT tests it), as BrowserSession does. */
    private void skipSecondFactorReminder() {
        List<WebElement> later = driver().findElements(By.id("sc-2fa-later"));
        if (!later.isEmpty()) {
            later.get(0).click();
        }
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until no element matching the locator is visible any more. */
    public void waitUntilGone(By locator) {
        until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the page shows the text somewhere and returns the innermost visible element holding it. */
    public WebElement waitForText(String text) {
        return waitFor(byText(text));
    }

    /** Waits for any condition on the driver, failing with the page's visible text when it does not come. */
    public <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver(), WAIT).ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + condition + " on " + driver().getCurrentUrl()
                    + "\nVisible text:\n" + visibleText(), e);
        }
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of fixed headers and footers. */
    public void click(By locator) {
        WebElement element = until(ExpectedConditions.elementToBeClickable(locator));
        scrollTo(element);
        element.click();
    }

    /** Replaces an input's value as a person would (select all, type), so React sees every keystroke. */
    public void type(WebElement input, String text) {
        scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    public String visibleText() {
        return driver().findElement(By.tagName("body")).getText();
    }

    /** Scrolls an element to the middle of the window, e.g. before a screenshot of a section further down. */
    public void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Whether the element lies wholly within the window as it is scrolled now. */
    public boolean inViewport(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver()).executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;",
                element));
    }

    /** Closes the PatternFly toasts still showing, so an earlier step's messages stay out of later screenshots. */
    public void closeToasts() {
        By close = By.cssSelector(".pf-v5-c-alert-group.pf-m-toast .pf-v5-c-alert__action button");
        until(d -> {
            List<WebElement> open = d.findElements(close);
            if (!open.isEmpty()) {
                open.get(0).click();
            }
            return open.isEmpty();
        });
    }

    /** Makes every request take this long from now on (0 restores the normal network), e.g. to see a loading state. */
    public void networkLatency(int millis) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", millis,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Makes requests to matching URLs ({@code *} wildcards) fail, as a broken network would; none restores. */
    public void blockUrls(String... patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    /** Saves downloads into the directory, without asking. */
    public void downloadTo(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
    }

    /** Writes what the window shows to {@code <name>.png} in the build's screenshot directory. */
    public Path screenshot(String name) {
        // the pointer rests where the last click was: move it off the page so no hover highlight shows
        new Actions(driver()).moveToLocation(0, 0).perform();
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Path dir = Files.createDirectories(Path.of(KeycloakServer.requiredProperty("it.screenshot.dir")));
            return Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            shot.delete();
        }
    }

    /** The innermost elements whose own text contains the given text (not hidden ancestors or script text). */
    public static By byText(String text) {
        String literal = text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
        return By.xpath("//body//*[not(self::script or self::style)][contains(normalize-space(.), " + literal
                + ")][not(*[contains(normalize-space(.), " + literal + ")])]");
    }
}
