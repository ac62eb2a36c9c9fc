// The words of the audit trail as C++ enums: an event's kind, action and source, and the export
// formats. Strings appear only on the wire and in the database, through the tables here.
#pragma once

#include <string_view>

#include "core/enum_names.h"

namespace untrain {

// export_ because `export` is a C++ keyword; its name is "export".
enum class EventKind { observation, nudge, form, export_ };

// An observation's action is decided by the store, from the state before it.
enum class ObservationAction { first_seen, check, change };
// The first three are readings untrain made on the page; member_reported is the member's own answer when untrain
// could not read it, never counted as a reading (docs/protocol.md, `observe`).
enum class ObservationSource { page_load, user_change, assisted, member_reported };

// undone: the member lifted their own snooze and dismissal of a setting (the popup's "Undo").
enum class NudgeAction { shown, clicked, snoozed, dismissed, undone };
// untrain's own surfaces: where a nudge was shown, and where a form was marked as sent.
enum class NudgeSource { banner, callout, popup };

// A form event's one action.
enum class FormAction { sent };

// An export's action is its format; its source says who asked for it. The formats are listed in
// the order docs/protocol.md lists them.
enum class ExportFormat { html, json, csv, ndjson };
enum class ExportSource { cli, extension };

template <>
struct EnumNames<EventKind> {
  static constexpr auto names = std::to_array<std::string_view>({"observation", "nudge", "form", "export"});
};
static_assert(names_cover(EventKind::export_));

template <>
struct EnumNames<ObservationAction> {
  static constexpr auto names = std::to_array<std::string_view>({"first-seen", "check", "change"});
};
static_assert(names_cover(ObservationAction::change));

template <>
struct EnumNames<ObservationSource> {
  static constexpr auto names =
      std::to_array<std::string_view>({"page-load", "user-change", "assisted", "member-reported"});
};
static_assert(names_cover(ObservationSource::member_reported));

// Whether an observation of this source is a reading untrain made itself.
constexpr bool is_verified(ObservationSource source) { return source != ObservationSource::member_reported; }

template <>
struct EnumNames<NudgeAction> {
  static constexpr auto names = std::to_array<std::string_view>({"shown", "clicked", "snoozed", "dismissed", "undone"});
};
static_assert(names_cover(NudgeAction::undone));

template <>
struct EnumNames<NudgeSource> {
  static constexpr auto names = std::to_array<std::string_view>({"banner", "callout", "popup"});
};
static_assert(names_cover(NudgeSource::popup));

template <>
struct EnumNames<FormAction> {
  static constexpr auto names = std::to_array<std::string_view>({"sent"});
};
static_assert(names_cover(FormAction::sent));

template <>
struct EnumNames<ExportFormat> {
  static constexpr auto names = std::to_array<std::string_view>({"html", "json", "csv", "ndjson"});
};
static_assert(names_cover(ExportFormat::ndjson));

template <>
struct EnumNames<ExportSource> {
  static constexpr auto names = std::to_array<std::string_view>({"cli", "extension"});
};
static_assert(names_cover(ExportSource::extension));

}  // namespace untrain
