package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;

/**
 * The mapper that reads the admin API's JSON bodies, built by the first call that sends one and then
 * shared by the tasks of one route table (it is thread-safe). Not at start: building it loads most of
 * Jackson's data binding, a large part of the emulator's start-up, and many runs never call the API.
 * It refuses a JSON document with a member twice ({@code {"seconds":1,"seconds":9}}: which one
 * counts?) or with anything after it ({@code {...}{...}}), rather than keeping one part.
 */
final class BodyMapper implements Supplier<ObjectMapper> {

  private volatile ObjectMapper mapper;

  @Override
  public ObjectMapper get() {
    ObjectMapper built = mapper;
    if (built == null) {
      synchronized (this) {
        built = mapper;
        if (built == null) {
          built = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
          mapper = built;
        }
      }
    }
    return built;
  }

  /** Whether a call has built the mapper yet (for tests). */
  boolean built() {
    return mapper != null;
  }
}
