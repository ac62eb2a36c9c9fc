// Builds an audit trail of a given length for the growth benchmarks, through the real Store.
//
// Every event goes through Store::append, so the chain, the actions and the state tables are
// exactly what the host would have written: `untrain verify` must find the result intact. The mix
// is a long-time member's: each setting's page read again and again (mostly "check", now and then
// a "change"), the banner shown and sometimes snoozed. Appending a million events one durable
// commit at a time would take hours, so build the file on a RAM disk (bench.sh uses /dev/shm) and
// copy it (with its -wal) where it is measured; the files are the same either way.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "core/rules.h"
#include "core/version.h"
#include "store/store.h"
#include "trail/record.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_trail EVENTS DATABASE\n";
    return 2;
  }
  const std::int64_t count = std::atoll(argv[1]);
  const auto& rules = *untrain::find_platform("linkedin");
  auto store = untrain::Store::open(argv[2]);
  const std::int64_t start = 1735689600000;  // 2025-01-01T00:00Z: one event a minute from then
  const auto began = std::chrono::steady_clock::now();
  for (std::int64_t i = 0; i < count; ++i) {
    const auto& setting = rules.settings[static_cast<std::size_t>(i) % rules.settings.size()];
    const std::int64_t time = start + i * 60'000;
    untrain::Record record;
    if (i % 10 == 9) {
      const bool snoozed = i % 100 == 99;
      record.what = untrain::Nudge{"linkedin",
                                   "jane-doe",
                                   setting.id,
                                   snoozed ? untrain::NudgeAction::snoozed : untrain::NudgeAction::shown,
                                   untrain::NudgeSource::banner,
                                   "on-by-default",
                                   snoozed ? std::optional<std::int64_t>(time + 86'400'000) : std::nullopt,
                                   "https://www.linkedin.com/feed/",
                                   time};
    } else {
      // Each setting flips once every few hundred of its own readings.
      const bool value = ((i / rules.settings.size()) / 300) % 2 == 0;
      record.what = untrain::Observation{
          "linkedin",
          "jane-doe",
          setting.id,
          value,
          "https://www.linkedin.com" + setting.page,
          time,
          i % 7 == 3 ? untrain::ObservationSource::user_change : untrain::ObservationSource::page_load};
    }
    record.untrain_version = untrain::kVersion;
    record.rules_version = rules.version;
    store.append(record, time + 42);
    if (store.checkpoint_due()) store.checkpoint();  // as the host does after its replies
    if ((i + 1) % 100'000 == 0) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
      std::cerr << "make_trail: " << (i + 1) << " events in " << s << " s\n";
    }
  }
  store.checkpoint();  // the file holds every event; its WAL one page
  return 0;
}
