/**
 * The benchmark project store: {@link dev.attest.annotation.store.Projects} creates and opens a project folder
 * ({@code project.db} + {@code artifacts/}) as a {@link dev.attest.annotation.store.ProjectStore}.
 *
 * <p>Durability: SQLite in WAL mode with {@code synchronous=FULL}, so every write method returns only after its
 * transaction is in the fsynced WAL; an acknowledged score survives SIGKILL and power loss. Scores are
 * append-only versions (triggers forbid UPDATE of judgement fields and DELETE), and every change writes its audit
 * row in the same transaction.
 *
 * <p>Two processes: one writer per project, enforced by an advisory {@code project.lock} (FileChannel.tryLock)
 * that records pid and host. A second opener gets {@link dev.attest.annotation.store.ProjectLockedException}
 * naming them and may {@link dev.attest.annotation.store.Projects#openReadOnly open read-only}, seeing every
 * commit of the writer through WAL snapshots. Why not two writers: SQLite would serialise them safely, but two
 * windows editing one reviewer's scores would silently supersede each other's work, and a project on a network
 * share (where SQLite locking is unreliable) must not get a second writer at all; the OS drops the lock when
 * the holder dies, so a crash never leaves a project stuck. Team use is planned on PostgreSQL behind the same
 * interface: SQL is kept to what both accept, with the differences in {@link dev.attest.annotation.store.SqlDialect}.
 */
package dev.attest.annotation.store;
