package dev.spfemu.odata.processor;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Stand-ins for Olingo's API interfaces that answer only the methods a test names, with a value or
 * by throwing: to reach the errors that only a broken EDM could cause, which no real parse yields.
 */
final class OlingoFakes {

  private OlingoFakes() {
  }

  /** A {@code type} whose methods answer from {@code answers} by name; a {@link Throwable} answer is thrown. */
  static <T> T fake(Class<T> type, Map<String, Object> answers) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("toString")) {
        return "fake " + type.getSimpleName() + answers.keySet();
      }
      if (!answers.containsKey(method.getName())) {
        throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
      }
      Object answer = answers.get(method.getName());
      if (answer instanceof Throwable thrown) {
        throw thrown;
      }
      return answer;
    }));
  }
}
