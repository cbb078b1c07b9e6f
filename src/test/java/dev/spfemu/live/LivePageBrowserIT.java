package dev.spfemu.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.cli.EmulatorJar;
import dev.spfemu.http.DemoWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page (docs/demo.md) in a real browser: Debian's headless Chromium, driven by its
 * chromedriver, against the runnable jar as a presenter starts it. One story, in order: the page
 * shows the demo world; a VM started from the page changes its state and its request appears in
 * the feed beside the exact request the page sent; a checkpoint a terminal creates appears in the
 * tree by itself; reset from the page brings the world back. The screenshot in docs/ is this test's
 * ({@code -Dlive.screenshot=docs/live-page.png} writes it there too).
 *
 * <p>Skipped, with a message saying how to install it, when no Chromium and chromedriver are found
 * (`.ci/run` installs Debian's). Waits are generous guards for a slow CI machine, not measures: the
 * page is pushed each change within milliseconds (Server-Sent Events).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class LivePageBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ROOT = "/" + DemoWorld.SUBSCRIPTION + "/services/systemcenter/vmm/";

  /**
   * Every visible element with text of its own whose colour against its background (the first opaque
   * one up the tree) is below WCAG AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
   */
  private static final String LOW_CONTRAST = String.join("\n",
      "const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);",
      "const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;"
          + " return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })",
      "  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);",
      "const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);"
          + " if (c.length === 3 || c[3] > 0.9) return c.slice(0, 3); } return [255, 255, 255]; };",
      "const low = [];",
      "for (const e of document.querySelectorAll('body *')) {",
      "  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;",
      "  if (!e.getClientRects().length) continue;",
      "  const style = getComputedStyle(e);",
      "  if (style.visibility === 'hidden' || e.closest('[disabled]')) continue;",
      "  const a = lum(rgb(style.color)), b = lum(background(e));",
      "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
      "  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;",
      "  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;",
      "  if (ratio < needed) low.push(e.tagName + ' \"' + e.textContent.trim().slice(0, 40) + '\" ' + ratio.toFixed(2));",
      "}",
      "return low;");

  private static final String NO_BROWSER = "No Chromium and chromedriver here, so the live page's browser test"
      + " (LivePageBrowserIT) is skipped: install Debian's (apt-get install chromium chromium-driver; .ci/run does),"
      + " or point -Dchromium.binary and -Dchromedriver.binary at others.";

  private Process emulator;
  private String base;
  private ChromeDriver browser;
  /** Waits that read elements again while the page redraws them (a redraw makes the ones found stale). */
  private Wait<WebDriver> wait;

  @BeforeAll
  void startEmulatorAndBrowser() throws Exception {
    Path chromium = executable("chromium.binary", "/usr/bin/chromium");
    Path driver = executable("chromedriver.binary", "/usr/bin/chromedriver");
    if (chromium == null || driver == null) {
      System.err.println("[WARNING] " + NO_BROWSER); // in the build log, beside the four skipped tests
      return;
    }
    assertTrue(Files.exists(EmulatorJar.JAR), "mvn package builds " + EmulatorJar.JAR);
    emulator = EmulatorJar.command("--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String listening = EmulatorJar.awaitListening(EmulatorJar.stdout(emulator));
    base = listening.substring(0, listening.length() - 1); // without the trailing '/'

    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE); // no CDP version warnings in the build log
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder() // an explicit driver: no Selenium Manager
        .usingDriverExecutable(driver.toFile()).usingAnyFreePort().withSilent(true).build();
    browser = new ChromeDriver(service, options);
    // the page as a 1280×720 projector shows it
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
    wait = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);
  }

  @BeforeEach
  void needsABrowser() {
    Assumptions.assumeTrue(browser != null, NO_BROWSER);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (emulator != null) {
      EmulatorJar.kill(emulator);
    }
  }

  @Test
  @Order(1)
  void thePageShowsTheDemoWorldOfflineAndFitsA1280By720Screen() {
    browser.get(base + "/_emulator/ui");
    wait.until(driver -> driver.findElement(vm(DemoWorld.VM)).getText().contains("web-01"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "Live"));
    wait.until(driver -> "Stopped".equals(state(DemoWorld.OTHER_VM)));
    wait.until(driver -> currentCheckpoint(DemoWorld.VM).getText().contains("After patching"));
    assertEquals(2, browser.findElements(By.cssSelector("section.subscription")).size(), "both tenants");

    JavascriptExecutor js = browser;
    assertEquals(1280L, js.executeScript("return window.innerWidth"));
    assertTrue((Long) js.executeScript("return document.documentElement.scrollWidth") <= 1280,
        "no sideways scrolling at 1280×720");
    assertEquals("en", js.executeScript("return document.documentElement.lang"));
    assertEquals(List.of(), js.executeScript("return [...document.querySelectorAll('button, select, input')]"
        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
        + " && !e.textContent.trim()).map(e => e.outerHTML)"), "every control has a name a screen reader reads");
    assertEquals(List.of(), js.executeScript(LOW_CONTRAST), "text meets WCAG AA contrast (4.5:1, large text 3:1)");
  }

  @Test
  @Order(2)
  void aVmStartedFromThePageChangesStateAndItsRequestAppearsBesideTheOneSent() {
    press(() -> browser.findElement(vm(DemoWorld.OTHER_VM)).findElement(By.cssSelector("button[data-action='start']"))
        .click());

    wait.until(driver -> "Running".equals(state(DemoWorld.OTHER_VM)));
    By fed = By.cssSelector("#feed li.feed-item[data-method='PUT'][data-status='204']");
    wait.until(driver -> driver.findElement(fed).getText().contains("VirtualMachines"));
    String sent = browser.findElement(By.id("last-request-text")).getText();
    assertTrue(sent.startsWith("PUT " + ROOT + "VirtualMachines(ID=guid'" + DemoWorld.OTHER_VM + "',StampId=guid'"
        + DemoWorld.STAMP + "') HTTP/1.1"), sent);
    assertTrue(sent.replace(" ", "").contains("\"Operation\":\"Start\""), sent);

    // a request line opens from the keyboard, and shows the request and its answer in full
    wait.until(driver -> {
      WebElement details = driver.findElement(fed).findElement(By.tagName("details"));
      if (details.getAttribute("open") == null) {
        details.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
      }
      return details.getAttribute("open") != null;
    });
    wait.until(driver -> driver.findElement(fed).getText().contains("\"Operation\"")
        && driver.findElement(fed).getText().contains("HTTP/1.1 204"));
  }

  @Test
  @Order(3)
  void aCheckpointATerminalCreatesAppearsInTheTreeByItself() throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + ROOT
            + "VMCheckPoints"))
        .header("Content-Type", "application/json;odata=minimalmetadata")
        .header("Accept", "application/json;odata=minimalmetadata")
        .POST(HttpRequest.BodyPublishers.ofString(DemoWorld.checkpointBody("From the terminal"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());

    wait.until(driver -> currentCheckpoint(DemoWorld.VM).getText().contains("From the terminal"));
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#feed li.feed-item[data-method='POST'][data-status='201']")));
    screenshot();
  }

  @Test
  @Order(4)
  void resetFromThePageBringsTheDemoWorldBack() {
    press(() -> browser.findElement(By.id("reset")).sendKeys(Keys.ENTER)); // from the keyboard

    wait.until(driver -> "Stopped".equals(state(DemoWorld.OTHER_VM)));
    wait.until(driver -> currentCheckpoint(DemoWorld.VM).getText().contains("After patching"));
    wait.until(driver -> browser.findElement(vm(DemoWorld.VM)).getText().contains("web-01")
        && !browser.findElement(vm(DemoWorld.VM)).getText().contains("From the terminal"));
  }

  /** Does {@code action} on elements found afresh, again if the page redrew them meanwhile. */
  private void press(Runnable action) {
    wait.until(driver -> {
      action.run();
      return true;
    });
  }

  private static By vm(String id) {
    return By.cssSelector("article.vm[data-vm-id='" + id + "']");
  }

  private String state(String vmId) {
    return browser.findElement(vm(vmId)).findElement(By.cssSelector(".vm-state")).getText().trim();
  }

  private WebElement currentCheckpoint(String vmId) {
    return browser.findElement(vm(vmId)).findElement(By.cssSelector("li[data-checkpoint-id][data-current='true']"));
  }

  /** The page as the audience sees it, for docs/ (target/live-page.png; also -Dlive.screenshot's path). */
  private void screenshot() throws Exception {
    browser.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -8);",
        browser.findElement(vm(DemoWorld.VM))); // web-01 and its checkpoint tree, the feed beside
    Path shot = Path.of("target", "live-page.png");
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    String copy = System.getProperty("live.screenshot");
    if (copy != null && !copy.isBlank()) {
      Files.copy(shot, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The executable a system property names, else the default path; null when it is not there. */
  private static Path executable(String property, String path) {
    Path file = Path.of(System.getProperty(property, path));
    return Files.isExecutable(file) ? file : null;
  }
}
