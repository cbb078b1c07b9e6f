package dev.spfemu.server;

import java.io.IOException;

/**
 * One step in front of the OData pipeline ({@link ServerChain} puts them in order): it answers the
 * exchange itself, or hands it to the next step, and may act before and after that.
 */
interface Stage {

  void handle(ODataExchange exchange, Next next) throws IOException;

  /** The steps after this one. */
  interface Next {
    void handle(ODataExchange exchange) throws IOException;
  }
}
