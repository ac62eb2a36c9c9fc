// Events with text that exercises every rule of JSON strings and UTF-8, for tests that hold a direct writer or reader
// to nlohmann::json byte for byte: plain ASCII, every kind of control byte, quotes and backslashes, DEL, well-formed
// sequences of each length at the edges of their ranges, and, when asked, one sequence that is not UTF-8.
#pragma once

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "trail/event.h"

inline std::string random_text(std::mt19937& random, bool broken) {
  static const std::vector<std::string> pieces = {"a",
                                                  "linkedin",
                                                  "https://www.linkedin.com/x?y=1&z=2",
                                                  " ",
                                                  "\"",
                                                  "\\",
                                                  "/",
                                                  "\x7f",
                                                  "\b",
                                                  "\f",
                                                  "\n",
                                                  "\r",
                                                  "\t",
                                                  std::string(1, '\0'),
                                                  "\x01",
                                                  "\x1f",
                                                  "é",
                                                  "€",
                                                  "😀",
                                                  "\xc2\x80",
                                                  "\xdf\xbf",
                                                  "\xe0\xa0\x80",
                                                  "\xef\xbf\xbf",
                                                  "\xee\x80\x80",
                                                  "\xf0\x90\x80\x80",
                                                  "\xf4\x8f\xbf\xbf",
                                                  "{\"k\":[1,2]}",
                                                  "\\u0041"};
  static const std::vector<std::string> bad = {"\x80",
                                               "\xbf",
                                               "\xc0\xaf",
                                               "\xc1\xbf",
                                               "\xe0\x80\xaf",
                                               "\xed\xa0\x80",
                                               "\xed\xbf\xbf",
                                               "\xf0\x80\x80\xaf",
                                               "\xf4\x90\x80\x80",
                                               "\xf5\x80\x80\x80",
                                               "\xff",
                                               "\xfe",
                                               "\xc3",
                                               "\xe2\x82",
                                               "\xf0\x9f\x98"};
  std::string text;
  int count = std::uniform_int_distribution<int>(0, 8)(random);
  for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
  if (broken) {
    auto at = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    text.insert(at, bad[random() % bad.size()]);
  }
  return text;
}

// The i-th of a run of varied events: every text field random (one in ten events has one field that is not UTF-8),
// integers from the extremes of their range too, value and previous each present, absent, true and false.
inline untrain::Event random_event(std::mt19937& random, int i) {
  untrain::Event e;
  bool broken = i % 10 == 9;
  int broken_field = static_cast<int>(random() % 12);
  std::string* fields[] = {&e.kind, &e.action, &e.source,          &e.platform,      &e.account,   &e.setting,
                           &e.url,  &e.detail, &e.untrain_version, &e.rules_version, &e.prev_hash, &e.hash};
  for (int f = 0; f < 12; ++f) *fields[f] = random_text(random, broken && f == broken_field);
  e.seq = static_cast<std::int64_t>(random()) * (i % 3 == 0 ? -1 : 1);
  e.recorded = static_cast<std::int64_t>(random()) << 20;
  e.time = i % 7 == 0   ? std::numeric_limits<std::int64_t>::min()
           : i % 7 == 1 ? std::numeric_limits<std::int64_t>::max()
                        : static_cast<std::int64_t>(random());
  if (i % 4 == 0) e.value.reset();
  else e.value = i % 2 == 0;
  if (i % 5 == 0) e.previous.reset();
  else e.previous = i % 3 == 0;
  return e;
}
