# Cost of PRAGMA secure_delete: insert N profile-sized rows, then delete them one by one, each in its own transaction,
# in WAL mode with synchronous=NORMAL, as the bot does; then time a TRUNCATE checkpoint.
import sqlite3, os, time, sys, tempfile
N = 20000
for secure in (0, 1):
    path = os.path.join(tempfile.mkdtemp(), "bench.db")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL"); db.execute(f"PRAGMA secure_delete={secure}")
    db.execute("CREATE TABLE people (user_id INTEGER PRIMARY KEY, full_name TEXT, school TEXT, note TEXT)")
    t = time.perf_counter()
    for i in range(N):
        db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO people VALUES (?, ?, ?, ?)", (i, "Иванова Мария Петровна %d" % i, "МАОУ СОШ № %d" % i, "заметка " * 40)); db.execute("COMMIT")
    ins = time.perf_counter() - t
    t = time.perf_counter()
    for i in range(N):
        db.execute("BEGIN IMMEDIATE"); db.execute("DELETE FROM people WHERE user_id = ?", (i,)); db.execute("COMMIT")
    dele = time.perf_counter() - t
    t = time.perf_counter(); db.execute("PRAGMA wal_checkpoint(TRUNCATE)"); ck = time.perf_counter() - t
    print(f"secure_delete={secure}: insert {ins/N*1e6:.0f} us/row, delete {dele/N*1e6:.0f} us/row, checkpoint(TRUNCATE) {ck*1e3:.1f} ms, sqlite {sqlite3.sqlite_version}")
