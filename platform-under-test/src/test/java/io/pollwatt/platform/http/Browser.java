package io.pollwatt.platform.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver: both set explicitly so Selenium Manager never tries to
 * download a browser (the machines have no internet). One fresh profile per browser.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base, int width, int height) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("pollwatt-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the browser's folders", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        // the window's outer size includes the browser's own bars; make the viewport (innerWidth × innerHeight) the
        // size asked
        Object inner = js("return [window.innerWidth, window.innerHeight];");
        if (inner instanceof List<?> l
                && (((Number) l.get(0)).intValue() != width || ((Number) l.get(1)).intValue() != height)) {
            int dw = width - ((Number) l.get(0)).intValue();
            int dh = height - ((Number) l.get(1)).intValue();
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    /** Opens {@code hash} (a dashboard route such as {@code #/alarms}) and waits until the page has rendered it. */
    void open(String hash) {
        driver.get(base + hash);
        awaitRendered(hash);
    }

    /** Waits until the router has rendered {@code hash}. */
    void awaitRendered(String hash) {
        waitFor().until(d -> hash.equals(js("return document.getElementById('view').dataset.ready || '';")));
    }

    /**
     * A wait that also retries when the page re-rendered the element it found (the review form redraws the review
     * state when the answer arrives: a wait that found the old element would otherwise fail, not wait).
     */
    WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    WebElement visible(By by) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the page scrolls sideways (it must not, on a phone least of all). */
    boolean scrollsHorizontally() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /** Saves a full-page screenshot to target/screenshots/{name}.png. */
    Path screenshot(String name) {
        Object height = js("return Math.ceil(document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        // a taller window shows the whole page in one picture; the width (and so the layout) stays
        driver.manage()
                .window()
                .setSize(new Dimension(before.width, Math.max(before.height, ((Number) height).intValue())));
        js("window.scrollTo(0, 0);"); // from the top, whatever a click scrolled to
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
