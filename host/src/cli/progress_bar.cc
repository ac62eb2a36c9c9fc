#include "cli/progress_bar.h"

namespace untrain {

void ProgressBar::update(std::int64_t done, std::int64_t total) {
  if (total <= 0) return;
  int percent = static_cast<int>(done * 100 / total);
  if (percent == shown_) return;
  shown_ = percent;
  constexpr int kWidth = 30;
  int filled = percent * kWidth / 100;
  out_ << '\r' << label_ << " [" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] " << percent
       << "%  " << done << '/' << total << std::flush;
}

void ProgressBar::finish() {
  if (shown_ >= 0) out_ << '\n' << std::flush;
}

bool wants_progress_bar(bool stderr_is_terminal, std::int64_t events) { return stderr_is_terminal && events >= 20000; }

}  // namespace untrain
