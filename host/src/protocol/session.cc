#include "protocol/session.h"

#include <iostream>
#include <optional>

#include "core/error.h"
#include "core/outcome.h"
#include "core/paths.h"
#include "protocol/dispatch.h"
#include "protocol/frame_io.h"
#include "protocol/reply.h"
#include "protocol/request.h"
#include "protocol/termination.h"
#include "store/busy_timeout.h"

namespace untrain {
namespace {

// How long the input must stay quiet before a due checkpoint runs: a browser's requests that come back to back
// (hello, observe, status) are all answered first, and none waits for the checkpoint's fsyncs.
constexpr auto kQuietBeforeCheckpoint = std::chrono::milliseconds(20);

// Folds the WAL into the database file (store.h). A failure loses nothing: the WAL still holds every page, and the
// next connection whose commit finds it long tries again.
void checkpoint_quietly(std::optional<Store>& store) {
  if (!store || !store->is_open() || !store->checkpoint_due()) return;
  try {
    store->checkpoint();
  } catch (const Error& e) {
    std::cerr << "untrain: " << e.what() << '\n';
  }
}

}  // namespace

std::string answer(const std::string& frame, const StoreAccess& store, ExportSpool* exports) {
  nlohmann::json id = nullptr;
  try {
    nlohmann::json message = parse_frame(frame);
    id = request_id(message);
    Request request = validate_request(message);
    return fit_reply(id, success_reply(id, dispatch(request, store, exports)));
  } catch (const Error& e) {
    return error_reply(id, e.code(), e.what());
  } catch (const std::exception& e) {
    return error_reply(id, Code::internal, e.what());
  }
}

int serve(int in_fd, int out_fd, const std::function<std::filesystem::path()>& locate_database) {
  install_termination_handler();
  std::optional<Store> store;
  ExportSpool exports;  // declared after the store: its files go first, while the store is still open
  StoreAccess access = [&]() -> Store& {
    // Opened on first use, and again after a damaged file was moved aside (store.h).
    if (!store || !store->is_open()) {
      store.reset();
      store.emplace(Store::open(locate_database(), busy_timeout(process_environment())));
    }
    return *store;
  };
  try {
    for (;;) {
      // Checkpoints run only after replies, while no request waits (docs/architecture.md, "Storage"), or when a
      // connection that is never quiet has let the WAL grow long.
      if (store && store->is_open() && store->checkpoint_due() && !termination_requested() &&
          (store->checkpoint_overdue() || !wait_readable(in_fd, kQuietBeforeCheckpoint))) {
        checkpoint_quietly(store);
      }
      auto frame = read_frame(in_fd);
      if (!frame) break;
      write_frame(out_fd, answer(*frame, access, &exports));
    }
    // End of input: the browser waits for nothing more.
    if (!termination_requested()) checkpoint_quietly(store);
    return exit_status(Outcome::ok);
  } catch (const Error& e) {
    std::cerr << "untrain: " << e.what() << '\n';
    if (e.code() == Code::frame_too_large) {
      try {
        write_frame(out_fd, error_reply(nullptr, e.code(), e.what()));
      } catch (const Error&) {
      }
    }
    return exit_status(e.outcome());
  }
}

}  // namespace untrain
