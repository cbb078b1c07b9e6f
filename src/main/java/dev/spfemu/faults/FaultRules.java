package dev.spfemu.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** The fault rules of one emulator, tried in the order they were added; expired ones are dropped. */
public final class FaultRules {

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

  public void add(FaultRule rule) {
    rules.add(rule);
  }

  public void clear() {
    rules.clear();
  }

  /** Whether there is no rule (the request path checks this before it works anything out). */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  public List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** The first rule that hits the request, or null (the common case costs one empty-list check). */
  public FaultRule hit(String method, String entitySet, String path, UnaryOperator<String> headers) {
    if (rules.isEmpty()) {
      return null;
    }
    for (FaultRule rule : rules) {
      if (rule.hits(method, entitySet, path, headers)) {
        if (rule.expired()) {
          rules.remove(rule);
        }
        return rule;
      }
    }
    return null;
  }
}
