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
    if (!store) store.emplace(Store::open(locate_database(), busy_timeout(process_environment())));
    return *store;
  };
  try {
    while (auto frame = read_frame(in_fd)) {
      write_frame(out_fd, answer(*frame, access, &exports));
    }
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
