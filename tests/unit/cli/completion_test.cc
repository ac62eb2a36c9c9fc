// The shell completions and the man page are written from the command line's definition: every command, option and
// fixed list of values in it, for bash, zsh and fish, and untrain(1) with the exit statuses of the code.
#include "cli/completion.h"

#include <catch2/catch.hpp>

#include "core/outcome.h"

using namespace untrain;

namespace {

ProgramSpec program() {
  ProgramSpec p;
  p.name = "untrain";
  p.version = "0.1.0";
  p.description = "untrain: the audit trail of your AI-training settings.\nBrowsers start untrain themselves.";
  p.options = {{{"--help", "-h"}, "print this help", false, "", OptionSpec::Value::text, {}, false}};
  CommandSpec status{"status", "show the current state", {}, false};
  status.options.push_back({{"--db"}, "database file", true, "PATH", OptionSpec::Value::file, {}, false});
  status.options.push_back({{"--json"}, "print JSON", false, "", OptionSpec::Value::text, {}, false});
  CommandSpec exporter{"export", "export the audit trail [as JSON: or CSV]", {}, false};
  exporter.options.push_back({{"--format"},
                              "json, csv, ndjson or html",
                              true,
                              "FORMAT",
                              OptionSpec::Value::text,
                              {"json", "csv", "html"},
                              false});
  exporter.options.push_back(
      {{"--output", "-o"}, "write to this file", true, "FILE", OptionSpec::Value::file, {}, false});
  CommandSpec help{"help", "show how untrain is used", {}, false};
  help.options.push_back(
      {{"command"}, "the command", true, "COMMAND", OptionSpec::Value::text, {"status", "export"}, true});
  CommandSpec man{"man", "print the man page", {}, true};
  p.commands = {status, exporter, help, man};
  return p;
}

}  // namespace

TEST_CASE("the bash completion offers the visible commands, each command's options and their fixed values",
          "[cli][completion]") {
  auto script = completion_script(program(), "bash");
  REQUIRE(script);
  CHECK_THAT(*script, Catch::Contains("compgen -W 'status export help --help -h'"));
  CHECK_THAT(*script, Catch::Contains("--format) COMPREPLY=($(compgen -W 'json csv html' -- \"$cur\")); return ;;"));
  CHECK_THAT(*script, Catch::Contains("--output|-o) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;"));
  CHECK_THAT(*script, Catch::Contains("compgen -W '--db --json'"));
  CHECK_THAT(*script, Catch::Contains("compgen -W 'status export'"));  // help's argument
  CHECK_THAT(*script, Catch::EndsWith("complete -F _untrain untrain\n"));
}

TEST_CASE("the zsh completion describes each command and escapes brackets and colons in descriptions",
          "[cli][completion]") {
  auto script = completion_script(program(), "zsh");
  REQUIRE(script);
  CHECK_THAT(*script, Catch::StartsWith("#compdef untrain\n"));
  CHECK_THAT(*script, Catch::Contains("'export:export the audit trail \\[as JSON\\: or CSV\\]'"));
  CHECK_THAT(*script, Catch::Contains("'--format[json, csv, ndjson or html]:FORMAT:(json csv html)'"));
  CHECK_THAT(*script, Catch::Contains("'(--output -o)'{--output,-o}'[write to this file]:FILE:_files'"));
  CHECK(script->find("'man:") == std::string::npos);  // hidden
}

TEST_CASE("the fish completion gives each option to its command only", "[cli][completion]") {
  auto script = completion_script(program(), "fish");
  REQUIRE(script);
  CHECK_THAT(*script,
             Catch::Contains("complete -c untrain -n __fish_use_subcommand -a status -d 'show the current state'"));
  CHECK_THAT(
      *script,
      Catch::Contains("complete -c untrain -n '__fish_seen_subcommand_from export' -l format -x -a 'json csv html'"));
  CHECK_THAT(*script,
             Catch::Contains("complete -c untrain -n '__fish_seen_subcommand_from export' -l output -s o -r -F"));
}

TEST_CASE("there is no completion for a shell untrain does not know", "[cli][completion]") {
  CHECK_FALSE(completion_script(program(), "tcsh").has_value());
}

TEST_CASE("the man page lists every visible command with its options, and the exit statuses of the code",
          "[cli][man]") {
  auto page = man_page(program());
  CHECK_THAT(page, Catch::Contains(".TH UNTRAIN 1 \"\" \"untrain 0.1.0\" \"User Commands\""));
  CHECK_THAT(page, Catch::Contains(".SH NAME\nuntrain \\- the audit trail of your AI\\-training settings\n"));
  CHECK_THAT(page, Catch::Contains(".SS \"untrain status [OPTIONS]\""));
  CHECK_THAT(page, Catch::Contains("\\fB\\-\\-db\\fR \\fIPATH\\fR"));
  CHECK(page.find(".SS \"untrain man") == std::string::npos);
  CHECK_THAT(page, Catch::Contains(".SH EXIT STATUS"));
  for (int status : {exit_status(Outcome::ok), exit_status(Outcome::no), exit_status(Outcome::usage),
                     exit_status(Outcome::bad_input), exit_status(Outcome::storage)}) {
    CHECK_THAT(page, Catch::Contains(".TP\n.B " + std::to_string(status) + "\n"));
  }
}
