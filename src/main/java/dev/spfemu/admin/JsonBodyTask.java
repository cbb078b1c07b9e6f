package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * An operation that takes a small JSON body. A body that cannot be parsed or used (the task throws)
 * is a 400 whose message says what is expected, so a test author gets the fix, not a 500.
 */
abstract class JsonBodyTask implements AdminTask {

  private final Supplier<ObjectMapper> mapper;

  /** @param mapper shared by the tasks of one route table (it is thread-safe and costly to build: {@link BodyMapper}) */
  JsonBodyTask(Supplier<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  @Override
  public final void handle(AdminRequest request, AdminResponse response) throws IOException {
    try {
      apply(mapper.get().readTree(request.body()), response);
    } catch (IOException | RuntimeException e) {
      response.error(400, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Does the operation and answers.
   *
   * @throws IllegalArgumentException saying what body is expected
   */
  abstract void apply(JsonNode body, AdminResponse response) throws IOException;

  /**
   * The whole number in {@code field}.
   *
   * @throws IllegalArgumentException when it is missing, not a whole number, or beyond a long
   */
  static long wholeNumber(JsonNode body, String field, String example) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("send " + example);
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException("'" + field + "' must be a whole number, such as " + example + "; got "
          + value);
    }
    return value.asLong();
  }

  /** The answer of the clock and job operations: the emulator's time once the change is made. */
  static void answerNow(Admin admin, AdminResponse response) throws IOException {
    response.field(200, "now", admin.now().toString());
  }
}
