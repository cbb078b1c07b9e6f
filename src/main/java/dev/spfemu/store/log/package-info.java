/**
 * The durable side of {@code --data-dir} (issue 12, docs/design/data-dir.md): an append-only log of
 * records framed by length and CRC32C, written with group commit, read back with a torn tail dropped and
 * corruption elsewhere reported by file and offset, and the lock file that keeps a second emulator out of
 * a data directory. JDK only, like the rest of {@code store}: what a record holds is the caller's business.
 */
package dev.spfemu.store.log;
