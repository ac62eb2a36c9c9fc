// The command line's definition as plain data (commands, their options, what each option's value may be), taken
// from the CLI11 definition in cli.cc, so that the shell completions and the man page are generated from the very
// definition the parser uses, without CLI11 leaking out of cli.cc.
#pragma once

#include <string>
#include <vector>

namespace untrain {

struct OptionSpec {
  std::vector<std::string> names;  // as typed: "--output", "-o"
  std::string description;
  bool takes_value = false;
  std::string value_name;  // "PATH", "FORMAT", …; "" for a flag
  enum class Value { text, file, folder } value = Value::text;
  std::vector<std::string> values;  // the values it takes, when they are a fixed list
  bool positional = false;          // a command's argument rather than an option (names: its one name)
};

struct CommandSpec {
  std::string name;
  std::string description;
  std::vector<OptionSpec> options;  // the positional argument, if any, among them
  bool hidden = false;              // works, but not listed (completion, man)
};

struct ProgramSpec {
  std::string name;  // "untrain"
  std::string version;
  std::string description;
  std::vector<OptionSpec> options;  // --help, --version
  std::vector<CommandSpec> commands;
};

}  // namespace untrain
