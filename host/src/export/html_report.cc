#include "export/html_report.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/clock.h"
#include "export/report_text.h"
#include "export/setting_name.h"
#include "trail/vocabulary.h"

namespace untrain {
namespace {

constexpr const char* kStyle = R"css(
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; margin-top: 0; }
.summary p { font-size: 1.05rem; margin: .3rem 0 .5rem; }
.broken { background: #fde2e2; border: 2px solid #a61b1b; padding: .6rem .8rem; font-size: 1.05rem; }
.partial { background: #fff4d6; border: 1px solid #e0c068; padding: .5rem .8rem; }
code, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .8rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .35rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.url { overflow-wrap: anywhere; max-width: 18rem; }
td.time { white-space: nowrap; }
.on { color: #a61b1b; font-weight: 600; }
.off { color: #1b6e2a; font-weight: 600; }
tr.reported td { background: #fff8e1; }
tr.reported .on, tr.reported .off { font-style: italic; }
svg { display: block; max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr, h3, svg, .summary p, .broken, .partial { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody.page + tbody.page { break-before: page; }
  /* Black and white: On solid black, Off white and outlined, unknown hatched grey; the table's values in bold or
     italic rather than red or green. */
  svg [data-state=On], svg [data-key=On] { fill: #000; }
  svg [data-state=Off], svg [data-key=Off] { fill: #fff; stroke: #000; stroke-width: 1; }
  svg #reported-on rect + rect { fill: #000; }
  svg #reported-off rect + rect { fill: #bbb; }
  .on { color: #000; font-weight: 700; }
  .off { color: #000; font-weight: 400; font-style: italic; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

const char* kOnColor = "#c62828";
const char* kOffColor = "#2e7d32";
const char* kUnknownColor = "#bdbdbd";

std::string platform_name(const std::string& platform) {
  const PlatformRules* rules = find_platform(platform);
  if (platform == "linkedin") return "LinkedIn";
  return rules ? rules->platform : platform;
}

const SettingRule* rule_for(const SettingHistory& h) {
  const PlatformRules* rules = find_platform(h.platform);
  return rules ? rules->find(h.setting) : nullptr;
}

std::string short_hash(const std::string& hash) { return hash.substr(0, 16) + "…"; }

std::string on_off(bool value, Lang lang) { return report_text(lang, value ? ReportText::on : ReportText::off); }

std::string value_cell(const std::optional<bool>& v, Lang lang) {
  if (!v) return "";
  return *v ? "<span class=\"on\">" + on_off(true, lang) + "</span>"
            : "<span class=\"off\">" + on_off(false, lang) + "</span>";
}

std::string what_happened(const Event& e, Lang lang) {
  if (e.kind == to_string(EventKind::observation)) {
    if (e.action == to_string(ObservationAction::change) && e.previous && e.value) {
      return report_text(lang, ReportText::change,
                         {{"from", on_off(*e.previous, lang)}, {"to", on_off(*e.value, lang)}});
    }
    return e.action;
  }
  return e.kind + " " + e.action;
}

std::string range_text(const EventFilter& f, Lang lang) {
  std::string text;
  if (f.since) text += report_text(lang, ReportText::range_since, {{"time", date_time_text(*f.since, lang)}}) + " ";
  if (f.until) text += report_text(lang, ReportText::range_until, {{"time", date_time_text(*f.until, lang)}}) + " ";
  if (f.account) text += report_text(lang, ReportText::range_account, {{"account", *f.account}}) + " ";
  if (!text.empty()) text.pop_back();
  return text;
}

std::string events_text(std::int64_t n, Lang lang) {
  return report_text(lang, plural(lang, n, ReportText::events_one, ReportText::events_other),
                     {{"n", std::to_string(n)}});
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string timeline_svg(const std::vector<Band>& bands, std::int64_t from, std::int64_t to, const std::string& label,
                         Lang lang) {
  constexpr double kWidth = 720, kLeft = 10, kBar = 700, kTop = 8, kHeight = 26;
  double span = to > from ? static_cast<double>(to) - static_cast<double>(from) : 1.0;
  auto x = [&](std::int64_t ms) { return kLeft + kBar * (static_cast<double>(ms) - static_cast<double>(from)) / span; };
  char number[32];
  auto fmt = [&](double v) {
    std::snprintf(number, sizeof number, "%.1f", v);
    return std::string(number);
  };
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + fmt(kWidth) +
                    " 78\" width=\"100%\" role=\"img\" aria-label=\"" + html_escape(label) + "\">";
  svg +=
      "<defs><pattern id=\"unknown\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e0e0e0\"/>"
      "<rect width=\"3\" height=\"6\" fill=\"" +
      std::string(kUnknownColor) + "\"/></pattern></defs>";
  // A member's report is drawn in its value's colour but hatched, never as a solid (read) On or Off.
  bool any_reported = std::any_of(bands.begin(), bands.end(), [](const Band& b) { return b.reported; });
  if (any_reported) {
    svg += "<defs>";
    for (auto [id, color] : {std::pair{"reported-on", kOnColor}, {"reported-off", kOffColor}}) {
      svg += std::string("<pattern id=\"") + id +
             "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
             "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"4\" height=\"8\" fill=\"" +
             color + "\"/></pattern>";
    }
    svg += "</defs>";
  }
  for (const Band& b : bands) {
    std::string fill = !b.value ? "url(#unknown)" : (*b.value ? kOnColor : kOffColor);
    std::string state = !b.value ? "unknown" : (*b.value ? "On" : "Off");
    std::string title = b.value ? on_off(*b.value, lang) : report_text(lang, ReportText::unknown);
    if (b.value && b.reported) {
      fill = *b.value ? "url(#reported-on)" : "url(#reported-off)";
      title = report_text(lang, ReportText::band_reported, {{"state", title}});
      state = *b.value ? "reported-on" : "reported-off";
    }
    svg +=
        "<rect x=\"" + fmt(x(b.start)) + "\" y=\"" + fmt(kTop) + "\" width=\"" + fmt(x(b.end) - x(b.start)) +
        "\" height=\"" + fmt(kHeight) + "\" fill=\"" + fill + "\" data-state=\"" + state + "\"><title>" +
        report_text(lang, ReportText::band,
                    {{"state", title}, {"from", date_time_text(b.start, lang)}, {"to", date_time_text(b.end, lang)}}) +
        "</title></rect>";
  }
  svg += "<rect x=\"" + fmt(kLeft) + "\" y=\"" + fmt(kTop) + "\" width=\"" + fmt(kBar) + "\" height=\"" + fmt(kHeight) +
         "\" fill=\"none\" stroke=\"#555\" stroke-width=\"0.5\"/>";
  svg += "<text x=\"" + fmt(kLeft) + "\" y=\"50\" font-size=\"11\" fill=\"#333\">" + date_text(from, lang) + "</text>";
  svg += "<text x=\"" + fmt(kLeft + kBar) + "\" y=\"50\" font-size=\"11\" fill=\"#333\" text-anchor=\"end\">" +
         date_text(to, lang) + "</text>";
  // Each key names the state of its bands (data-key, not data-state: it is no band), so that print's black-and-white
  // rules draw them alike.
  struct Key {
    std::string name, fill, state;
  };
  std::vector<Key> legend = {{on_off(true, lang), kOnColor, "On"},
                             {on_off(false, lang), kOffColor, "Off"},
                             {report_text(lang, ReportText::unknown), "url(#unknown)", "unknown"}};
  if (any_reported) {
    legend.push_back({report_text(lang, ReportText::key_reported, {{"state", on_off(true, lang)}}), "url(#reported-on)",
                      "reported-on"});
    legend.push_back({report_text(lang, ReportText::key_reported, {{"state", on_off(false, lang)}}),
                      "url(#reported-off)", "reported-off"});
  }
  double lx = kLeft;
  for (const auto& [name, fill, state] : legend) {
    svg += "<rect x=\"" + fmt(lx) + "\" y=\"60\" width=\"12\" height=\"12\" fill=\"" + fill + "\" data-key=\"" + state +
           "\"/>";
    svg += "<text x=\"" + fmt(lx + 16) + "\" y=\"70\" font-size=\"11\" fill=\"#333\">" + name + "</text>";
    // Room for the name in characters, not bytes: "Désactivé" is as wide as it looks.
    auto characters = std::count_if(name.begin(), name.end(), [](char c) { return (c & 0xC0) != 0x80; });
    lx += characters > 8 ? std::max<double>(150, 30 + 6.2 * static_cast<double>(characters)) : 80;
  }
  svg += "</svg>";
  return svg;
}

HtmlReportWriter::HtmlReportWriter(std::ostream& out, const ExportHeader& header, const TrailSummary& summary,
                                   const std::optional<ChainProblem>& problem, Lang lang)
    : out_(out), lang_(lang) {
  // No script may run in a report someone hands around, whatever a value in it says: the policy allows the inline
  // style and nothing else (no script, no fetch, no form, no base).
  out_ << "<!DOCTYPE html>\n<html lang=\"" << to_string(lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "img-src data:; base-uri 'none'; form-action 'none'\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<title>" << report_text(lang, ReportText::page_title, {{"day", date_text(header.exported_ms, lang)}})
       << "</title>\n"
       << "<style>" << kStyle << "</style>\n</head>\n<body>\n";
  using enum ReportText;
  out_ << "<h1>" << report_text(lang, heading) << "</h1>\n<p class=\"meta\">"
       << report_text(lang, exported,
                      {{"time", date_time_text(header.exported_ms, lang)},
                       {"version", html_escape(header.untrain_version)},
                       {"events", events_text(header.events, lang)}})
       << "</p>\n";
  if (problem) {
    out_ << "<p class=\"broken\" id=\"not-verified\" role=\"alert\">"
         << report_text(lang, not_verified, {{"problem", html_escape(describe(*problem))}}) << "</p>\n";
  }
  if (!header.complete) {
    std::string range = range_text(header.filter, lang);
    std::string total = events_text(header.chain.seq, lang);
    out_ << "<p class=\"partial\">"
         << (range.empty() ? report_text(lang, partial, {{"total", total}})
                           : report_text(lang, partial_range, {{"range", html_escape(range)}, {"total", total}}))
         << "</p>\n";
  }

  out_ << "<section class=\"summary\">\n<h2>" << report_text(lang, summary_heading) << "</h2>\n";
  auto settings = summary.settings();
  if (settings.empty()) out_ << "<p>" << report_text(lang, no_settings) << "</p>\n";
  std::int64_t to = header.filter.until ? std::min(*header.filter.until, header.exported_ms) : header.exported_ms;
  std::int64_t from = header.filter.since.value_or(summary.first_time().value_or(to));
  if (!summary.first_time() || from >= to) from = sub_ms(to, 86'400'000);
  for (const SettingHistory& h : settings) {
    const SettingRule* rule = rule_for(h);
    std::string title = setting_title(rule, h.setting, lang);
    out_ << "<h3>" << html_escape(title) << " · " << html_escape(platform_name(h.platform)) << " · "
         << (h.account.empty() ? report_text(lang, account_not_shown) : html_escape(h.account)) << "</h3>\n";
    out_ << "<p data-setting=\"" << html_escape(h.setting) << "\">"
         << html_escape(summary_text(h, rule, header.exported_ms, summary.stale_after_ms(), lang)) << "</p>\n";
    out_ << timeline_svg(timeline_bands(h, from, to, summary.stale_after_ms()), from, to,
                         report_text(lang, timeline_label, {{"setting", title}}), lang)
         << "\n";
  }
  out_ << "</section>\n";

  // The report's head is the trail's last event when it was made; making it recorded one more event (the export
  // itself), so every later export ends at a later seq. The steps compare the same seq, never the last one.
  std::string head = std::to_string(header.chain.seq) + ":" + header.chain.hash;
  std::string seq = std::to_string(header.chain.seq);
  out_ << "<section>\n<h2>" << report_text(lang, chain_heading) << "</h2>\n<p>"
       << report_text(lang, plural(lang, header.chain.seq, chain_made_one, chain_made_other), {{"seq", seq}})
       << "</p>\n<p class=\"hash\" id=\"chain-head\">" << html_escape(header.chain.hash) << "</p>\n<p>"
       << report_text(lang, chain_added, {{"next", std::to_string(header.chain.seq + 1)}, {"seq", seq}})
       << "</p>\n</section>\n";

  out_ << "<section>\n<h2>" << report_text(lang, verify_heading) << "</h2>\n<p>" << report_text(lang, verify_intro)
       << "</p>\n<ol id=\"verify-steps\">\n<li>" << report_text(lang, verify_step_export) << "</li>\n<li>"
       << report_text(lang, verify_step_check, {{"head", html_escape(head)}, {"seq", seq}}) << "</li>\n<li>"
       << report_text(lang, verify_step_by_hand) << "</li>\n</ol>\n</section>\n";

  out_ << "<section>\n<h2>" << report_text(lang, events_heading) << "</h2>\n<table>\n<thead><tr>";
  for (ReportText column : {column_seq, column_time, column_what, column_setting, column_value, column_how,
                            column_account, column_page, column_hash}) {
    out_ << "<th>" << report_text(lang, column) << "</th>";
  }
  out_ << "</tr></thead>\n<tbody class=\"page\">\n";
}

void HtmlReportWriter::add(const Event& e) {
  // One printed page per kRowsPerPage events: each group is a <tbody> of its own, and print starts each on a new page.
  if (rows_ > 0 && rows_ % kRowsPerPage == 0) out_ << "</tbody>\n<tbody class=\"page\">\n";
  ++rows_;
  bool reported =
      e.kind == to_string(EventKind::observation) && e.source == to_string(ObservationSource::member_reported);
  out_ << (reported ? "<tr class=\"reported\"><td>" : "<tr><td>") << e.seq << "</td><td class=\"time\">"
       << date_time_text(e.time, lang_) << "</td><td>" << html_escape(what_happened(e, lang_)) << "</td><td>"
       << html_escape(e.setting) << "</td><td>" << value_cell(e.value, lang_) << "</td><td>" << html_escape(e.source)
       << (reported ? " " + report_text(lang_, ReportText::your_word) : "") << "</td><td>" << html_escape(e.account)
       << "</td><td class=\"url\">" << html_escape(e.url) << "</td><td class=\"hash\" title=\"" << html_escape(e.hash)
       << "\">" << html_escape(short_hash(e.hash)) << "</td></tr>\n";
}

void HtmlReportWriter::finish() {
  out_ << "</tbody>\n</table>\n</section>\n"
       << "<p class=\"meta\">" << report_text(lang_, ReportText::footer) << "</p>\n"
       << "</body>\n</html>\n";
}

}  // namespace untrain
