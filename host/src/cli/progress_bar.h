// A progress bar on a terminal: "exporting [#######.............]  35%  3500/10000", redrawn in
// place with \r only when the percentage changes, so a long export costs no noticeable time.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace untrain {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, std::string label) : out_(out), label_(std::move(label)) {}
  void update(std::int64_t done, std::int64_t total);
  void finish();  // ends the line, if a bar was drawn

 private:
  std::ostream& out_;
  std::string label_;
  int shown_ = -1;
};

// The bar for `events` events belongs on stderr only when stderr is a terminal and the export is
// large enough to take a noticeable time.
bool wants_progress_bar(bool stderr_is_terminal, std::int64_t events);

}  // namespace untrain
