// Answers one validated request: the only place where requests meet the store.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>

#include "protocol/export_spool.h"
#include "protocol/request.h"
#include "store/store.h"

namespace untrain {

// The store is opened on first use, so that `hello` works (and says so) even when the database
// cannot be opened; opening throws Error(storage_unavailable).
using StoreAccess = std::function<Store&()>;

// The `result` member of the reply. Throws Error for an error reply. `exports` holds this
// connection's exports in progress (export, export-chunk); without it those requests fail.
nlohmann::json dispatch(const Request& request, const StoreAccess& store, ExportSpool* exports = nullptr);

}  // namespace untrain
