package io.relais.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
 * The console in a real browser: Debian's headless Chromium driven through its chromedriver (packages
 * {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs when they are missing). Screenshots
 * are kept under {@code target/console-screenshots/} for review.
 */
public final class Browser implements AutoCloseable {

    /** A laptop's screen, and a phone's. */
    public static final Size WIDE = new Size(1280, 900);
    public static final Size PHONE = new Size(390, 844);

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Chromium's windows are never narrower (a phone's 390 px gave a 500-px page): narrower pages are emulated. */
    private static final int NARROWEST_WINDOW = 500;

    private final ChromeDriver driver;
    private final String base;
    private final Size size;

    private Browser(ChromeDriver driver, String base, Size size) {
        this.driver = driver;
        this.base = base;
        this.size = size;
    }

    /** A browser of the given size whose preferred language is {@code language} (en-GB, fr-FR …). */
    public static Browser open(int port, Size size, String language) {
        if (!DRIVER.canExecute() || !CHROMIUM.canExecute()) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them when they are missing)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + size.width() + "," + size.height(), "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        if (size.width() < NARROWEST_WINDOW) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width(),
                    "height", size.height(), "deviceScaleFactor", 1, "mobile", true));
        }
        return new Browser(driver, "http://localhost:" + port, size);
    }

    public static Browser open(int port, Size size) {
        return open(port, size, "en-GB");
    }

    /** Signs in through the sign-in page and waits for the console to say who is signed in. */
    public Browser signIn(String userId, String password) {
        driver.get(base + "/sign-in");
        driver.findElement(By.id("userId")).sendKeys(userId);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        // textContent: on a phone the frame hides who is signed in, and getText() answers only visible text
        waitUntil(webDriver -> !webDriver.findElement(By.id("who")).getAttribute("textContent").isBlank());
        return this;
    }

    /** Opens an address of the engine: a path ({@code /sign-in}) or a console page ({@code #/leads?q=x}). */
    public Browser go(String address) {
        driver.get(base + (address.startsWith("#") ? "/" + address : address));
        return this;
    }

    /** The page's element, once it is there. */
    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The element's text, visible or not (a closed {@code details}' table included). */
    public String text(By by) {
        return find(by).getAttribute("textContent").strip();
    }

    /** Waits for the condition; when it does not come, saves a screenshot and says what the page showed. */
    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).until(condition);
        } catch (TimeoutException e) {
            Path saved = screenshot("timeout-" + System.currentTimeMillis());
            throw new TimeoutException("At " + driver.getCurrentUrl() + " (" + saved + "), the page showed: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Runs a script in the page and answers what it returns. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Saves what the page shows as target/console-screenshots/{name}-{width}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path saved = SCREENSHOTS.resolve(name + "-" + size.width() + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    public record Size(int width, int height) {
    }
}
