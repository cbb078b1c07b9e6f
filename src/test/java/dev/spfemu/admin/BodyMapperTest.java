package dev.spfemu.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The admin API's body mapper: built on first use, once, and strict about what it reads. */
class BodyMapperTest {

  @Test
  void isBuiltByTheFirstUseOnlyAndThenShared() {
    BodyMapper mapper = new BodyMapper();
    assertFalse(mapper.built(), "nothing is built before a call needs it");
    CompletableFuture<Object> other = CompletableFuture.supplyAsync(mapper::get);
    assertSame(mapper.get(), other.join());
    assertTrue(mapper.built());
  }

  @Test
  void refusesAMemberTwiceAndAnythingAfterTheDocument() {
    BodyMapper mapper = new BodyMapper();
    assertThrows(JsonProcessingException.class, () -> mapper.get().readTree("{\"seconds\":1,\"seconds\":9}"));
    assertThrows(JsonProcessingException.class, () -> mapper.get().readTree("{}{}"));
  }
}
