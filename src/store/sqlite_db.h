// A thin RAII layer over the SQLite C API: one Database connection, prepared Statements with
// bound parameters (the only way dyad puts values into SQL), errors as Status values.
//
//   auto db = Database::Open("events.sqlite", Database::kReadOnly);
//   Statement st(**db, "SELECT code, num_mentions FROM events WHERE source_code = ?1");
//   st.Bind(1, "USAGOV");
//   while (st.Step()) printf("%s %lld\n", std::string(st.Text(0)).c_str(), st.Int(1));
//   if (!st.status().ok()) ...
//
// A Database is one connection: use it from one thread at a time.
#ifndef DYAD_STORE_SQLITE_DB_H_
#define DYAD_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dyad/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dyad::store {

class Database {
 public:
  enum Mode { kReadOnly, kReadWrite };
  // kReadWrite creates the file when missing. The connection waits up to 10 s on a lock.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
  Status Exec(const char* sql);
  // IoError carrying `what` and SQLite's last error message.
  Status Error(std::string_view what) const;
  int64_t LastInsertRowid() const;
  int Changes() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& BindNull(int i);

  // True while there is a row. False at the end or on error; check status() after the loop.
  bool Step();
  // Runs a statement that returns no rows; the status of that run.
  Status Run();
  // Ready to run again (bindings kept unless rebound).
  void Reset();

  // Columns are 0-based. Text of NULL is "".
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string_view Text(int col) const;
  bool IsNull(int col) const;

  const Status& status() const { return status_; }

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_SQLITE_DB_H_
