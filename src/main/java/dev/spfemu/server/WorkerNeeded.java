package dev.spfemu.server;

/**
 * Thrown where an exchange answered on Jetty's network thread finds that it would have to wait: an
 * answer to a read outgrew what may be kept in memory, or a fault rule delays the request. Nothing
 * has changed yet at that point, so {@link StageChain} drops what was begun and answers the request
 * again from the start on a worker thread, where waiting is allowed.
 *
 * <p>An {@link Error}, not an exception: the writers and the pipeline turn exceptions into error
 * answers, and this must pass through all of them to the chain unchanged. It carries no stack trace.
 */
final class WorkerNeeded extends Error {

  private static final long serialVersionUID = 1L;

  WorkerNeeded(String why) {
    super(why, null, false, false);
  }
}
