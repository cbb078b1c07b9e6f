package dev.spfemu.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code GET /_emulator/ui}: the live page (docs/demo.md), and its script and style sheet, served
 * from the jar: no network, no CDN, so it works offline. The page is static; what it shows it
 * reads from {@code GET /_emulator/overview} and {@code GET /_emulator/events}, behind the same
 * checks as every admin call. Its Content-Security-Policy allows nothing but this origin: no inline
 * script, no other site, no framing.
 */
final class UiTask implements AdminTask {

  static final UiTask PAGE = new UiTask("index.html", "text/html;charset=utf-8");
  static final UiTask SCRIPT = new UiTask("app.js", "text/javascript;charset=utf-8");
  static final UiTask STYLE = new UiTask("app.css", "text/css;charset=utf-8");

  /** Where the page's files are in the jar. */
  static final String FOLDER = "/dev/spfemu/live/ui/";
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
      + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final String file;
  private final String contentType;

  private UiTask(String file, String contentType) {
    this.file = file;
    this.contentType = contentType;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    try (InputStream in = UiTask.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        response.error(404, "The live page's " + file + " is not in this build of the emulator.");
        return;
      }
      response.header("Content-Security-Policy", POLICY);
      response.header("X-Content-Type-Options", "nosniff");
      response.header("Referrer-Policy", "no-referrer");
      response.header("Cache-Control", "no-cache");
      try (OutputStream out = response.body(200, contentType)) {
        in.transferTo(out);
      }
    }
  }
}
