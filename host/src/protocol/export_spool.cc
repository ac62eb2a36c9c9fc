#include "protocol/export_spool.h"

#include <chrono>
#include <cstdlib>
#include <fstream>

#include "core/crypto.h"
#include "core/error.h"
#include "core/utf8.h"
#include "export/export.h"
#include "protocol/text_chunk.h"
#include "store/file_ops.h"

namespace untrain {
namespace {

constexpr const char* kPrefix = "untrain-export-";
constexpr std::size_t kMaxOpen = 4;  // a confused caller must not fill the disk

// From the system's random source (core/crypto.h: getrandom(2) on Linux, BCryptGenRandom on Windows).
std::string random_handle() {
  unsigned char bytes[12];
  random_bytes(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string handle;
  for (unsigned char b : bytes) {
    handle += kHex[b >> 4];
    handle += kHex[b & 0xF];
  }
  return handle;
}

// Files left by a host that was killed mid-export.
void sweep_stale(const std::filesystem::path& folder) {
  std::error_code ec;
  auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (utf8_of(entry.path().filename()).rfind(kPrefix, 0) != 0) continue;
    std::error_code ignored;
    if (entry.last_write_time(ignored) < cutoff) std::filesystem::remove(entry.path(), ignored);
  }
}

std::string read_range(const std::filesystem::path& path, std::int64_t offset, std::size_t length) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Code::storage_unavailable, "the export file " + utf8_of(path) + " is gone");
  in.seekg(offset);
  std::string bytes(length, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace

ExportSpool::~ExportSpool() {
  for (const auto& [handle, file] : files_) {
    std::error_code ignored;
    std::filesystem::remove(file.path, ignored);
  }
}

void ExportSpool::forget(const std::string& handle) {
  auto it = files_.find(handle);
  if (it == files_.end()) return;
  std::error_code ignored;
  std::filesystem::remove(it->second.path, ignored);
  files_.erase(it);
}

nlohmann::json ExportSpool::start(Store& store, ExportFormat format, const EventFilter& filter, std::int64_t now_ms,
                                  Lang lang) {
  std::filesystem::path folder = store.path().parent_path();
  sweep_stale(folder);
  while (files_.size() >= kMaxOpen) forget(files_.begin()->first);

  // A new file of a random name, never one that is there (0600 on POSIX); the folder's name may be any UTF-8.
  std::filesystem::path pattern;
  for (int attempt = 1;; ++attempt) {
    pattern = folder / (std::string(kPrefix) + random_handle().substr(0, 12));
    try {
      create_private_file(pattern);
      break;
    } catch (const Error&) {
      std::error_code ec;
      if (attempt == 10 || !std::filesystem::exists(pattern, ec)) {
        throw Error(Code::storage_unavailable, "cannot make a temporary export file in " + utf8_of(folder));
      }
    }
  }
  std::string handle = random_handle();
  files_[handle] = File{pattern, 0};

  ExportOutcome outcome;
  try {
    std::ofstream out(pattern, std::ios::binary | std::ios::trunc);
    outcome = export_trail(store, format, filter, out, ExportSource::extension, now_ms, {}, true, lang);
  } catch (const Error& e) {
    forget(handle);
    // The temporary file is on the database's disk: failing to write it is the storage failing.
    if (e.outcome() == Outcome::io) throw Error(Code::storage_unavailable, e.what());
    throw;
  }
  files_[handle].size = static_cast<std::int64_t>(std::filesystem::file_size(pattern));

  nlohmann::json result = chunk(handle, 0);
  result["format"] = to_string(format);
  result["file_name"] = export_file_name(format, now_ms);
  result["media_type"] = export_media_type(format);
  result["events"] = outcome.header.events;
  result["complete"] = outcome.header.complete;
  result["chain_head"] = {{"seq", outcome.header.chain.seq}, {"hash", outcome.header.chain.hash}};
  return result;
}

nlohmann::json ExportSpool::chunk(const std::string& handle, std::int64_t offset) {
  auto it = files_.find(handle);
  if (it == files_.end()) {
    throw Error(Code::bad_request, "field 'export': no export '" + handle + "' is in progress on this connection");
  }
  const File& file = it->second;
  if (offset < 0 || offset > file.size) {
    throw Error(Code::bad_request,
                "field 'offset' must be between 0 and the export's size, " + std::to_string(file.size));
  }
  // Three bytes more than a chunk may hold, to see a character cut at the limit whole.
  std::string bytes = read_range(file.path, offset, kMaxChunk + 3);
  if (!bytes.empty() && is_continuation(static_cast<unsigned char>(bytes[0]))) {
    throw Error(Code::bad_request, "field 'offset' is inside a character: use the 'next' of the previous reply");
  }
  std::size_t end = chunk_end(bytes, 0, kMaxChunk, kMaxEscaped);
  std::int64_t next = offset + static_cast<std::int64_t>(end);
  bool done = next == file.size;
  nlohmann::json result = {{"export", handle}, {"size", file.size}, {"offset", offset},
                           {"next", next},     {"done", done},      {"chunk", bytes.substr(0, end)}};
  if (done) forget(handle);
  return result;
}

}  // namespace untrain
