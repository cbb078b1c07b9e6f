package dev.spfemu.capture;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What to capture and how to reach it.
 *
 * @param from the service root (tenant, per-subscription or all-subscriptions root)
 * @param out the world file to write
 * @param user {@code NAME:PASSWORD} for HTTP Basic, or null
 * @param token a bearer token, or null
 * @param caCertificates a PEM bundle of the certificates (or CAs) to trust, or null for the JDK's
 * @param insecure trust any certificate and any host name
 * @param subscriptions the subscriptions to read on the all-subscriptions root (empty: ask the Admin service)
 */
public record CaptureOptions(URI from, Path out, String user, String token, Path caCertificates, boolean insecure,
    List<String> subscriptions) {

  public CaptureOptions {
    subscriptions = List.copyOf(subscriptions);
  }
}
