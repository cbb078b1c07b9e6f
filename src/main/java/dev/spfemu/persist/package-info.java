/**
 * The world kept in {@code --data-dir} (docs/design/data-dir.md): every unit of work's changes, as
 * after-images of stored entities, appended to a change log and fsynced before the unit's reply; periodic
 * snapshots that bound the log; and the recovery that puts both back at start. It depends on the store, the
 * log files and the models, and knows nothing of HTTP or of the VMM's rules.
 */
package dev.spfemu.persist;
